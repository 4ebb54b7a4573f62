using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Mail;

public sealed class MailStore(TimeProvider clock) : IResettable
{
    private readonly Lock gate = new();
    private readonly List<CaughtMail> messages = [];
    private long lastId;

    public CaughtMail Add(string from, IReadOnlyList<string> to, string subject, string? text, string? html, string raw)
    {
        lock (gate)
        {
            var mail = new CaughtMail(++lastId, from, to, subject, text, html, clock.GetUtcNow(), raw);
            messages.Add(mail);
            return mail;
        }
    }

    public IReadOnlyList<CaughtMail> List(string? to)
    {
        lock (gate)
        {
            return messages
                .Where(m => to is null || m.To.Any(r => string.Equals(r, to, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(m => m.Id)
                .ToList();
        }
    }

    public CaughtMail? Find(long id)
    {
        lock (gate)
        {
            return messages.Find(m => m.Id == id);
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            messages.Clear();
        }
    }
}
