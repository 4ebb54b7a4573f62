using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Mail;

public sealed class MailStore(TimeProvider clock) : IResettable
{
    private readonly Lock _gate = new();
    private readonly List<CaughtMail> _messages = [];
    private long _lastId;

    public CaughtMail Add(string from, IReadOnlyList<string> to, string subject, string? text, string? html, string raw)
    {
        lock (_gate)
        {
            var mail = new CaughtMail(++_lastId, from, to, subject, text, html, clock.GetUtcNow(), raw);
            _messages.Add(mail);
            return mail;
        }
    }

    public IReadOnlyList<CaughtMail> List(string? to)
    {
        lock (_gate)
        {
            return _messages
                .Where(m => to is null || m.To.Any(r => string.Equals(r, to, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(m => m.Id)
                .ToList();
        }
    }

    public CaughtMail? Find(long id)
    {
        lock (_gate)
        {
            return _messages.Find(m => m.Id == id);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }
}
