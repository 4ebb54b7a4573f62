using System.Threading.Channels;
using SocialPlanner.Core.Mail;

namespace SocialPlanner.Api.Infrastructure;

public sealed record OutgoingMail(string To, string Subject, string Text, string? Html);

/// <summary>Mail is handed over here and sent in the background, so a request that sends mail takes as long as
/// one that doesn't: the reset-password endpoint must not reveal by its timing whether an account exists.
/// In memory on purpose: a reset mail lost in a crash is simply requested again.</summary>
public sealed class MailOutbox
{
    private readonly Channel<OutgoingMail> _queue = Channel.CreateUnbounded<OutgoingMail>();

    public void Enqueue(OutgoingMail mail) => _queue.Writer.TryWrite(mail);

    internal IAsyncEnumerable<OutgoingMail> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);
}

internal sealed partial class MailOutboxSender(MailOutbox outbox, IEmailSender sender, ILogger<MailOutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var mail in outbox.ReadAllAsync(stoppingToken))
        {
            try
            {
                await sender.SendAsync(mail.To, mail.Subject, mail.Text, mail.Html, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSendFailed(logger, ex, mail.Subject);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send the mail \"{Subject}\"")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string subject);
}
