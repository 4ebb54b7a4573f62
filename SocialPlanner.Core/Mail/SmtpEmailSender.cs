using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SocialPlanner.Core.Mail;

public sealed class MailOptions
{
    /// <summary><c>smtp://host:port</c> (or <c>smtps://user:password@host:port</c>), from <c>ConnectionStrings:mail</c>.</summary>
    public Uri Server { get; set; } = new("smtp://127.0.0.1:25");
    public string From { get; set; } = "SocialPlanner <no-reply@socialplanner.local>";
}

/// <summary>Sends through an SMTP server with MailKit; one connection per mail because volumes are tiny
/// (password resets, failure notices) and it keeps the sender stateless.</summary>
public sealed class SmtpEmailSender(IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = textBody, HtmlBody = htmlBody }.ToMessageBody();

        using var client = new SmtpClient();
        var server = settings.Server;
        var security = server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(server.Host, server.IsDefaultPort ? 25 : server.Port, security, cancellationToken);
        if (server.UserInfo.Split(':', 2) is [var user, var password] && user.Length > 0)
        {
            await client.AuthenticateAsync(Uri.UnescapeDataString(user), Uri.UnescapeDataString(password), cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
