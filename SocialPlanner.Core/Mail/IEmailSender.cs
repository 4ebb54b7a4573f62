namespace SocialPlanner.Core.Mail;

/// <summary>Sends one transactional email (password reset, publishing failure, reconnect needed).</summary>
public interface IEmailSender
{
    Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken cancellationToken);
}
