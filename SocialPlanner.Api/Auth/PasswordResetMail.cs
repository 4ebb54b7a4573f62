using System.Net;
using SocialPlanner.Api.Infrastructure;

namespace SocialPlanner.Api.Auth;

/// <summary>Writes the reset mail; the link opens the web app's reset page, which calls
/// <c>POST /api/auth/reset-password/confirm</c> with the email and token.</summary>
public sealed class PasswordResetMail(MailOutbox outbox, IConfiguration configuration)
{
    public void Send(string email, string token, TimeSpan lifetime)
    {
        var webBaseUrl = WebLinks.BaseUrl(configuration);
        var link = $"{webBaseUrl}/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
        var minutes = (int)lifetime.TotalMinutes;
        var text = $"""
            Someone asked to reset the password of your SocialPlanner account.

            Choose a new password here (the link works once, for {minutes} minutes):
            {link}

            If it wasn't you, ignore this mail: your password stays as it is.
            """;
        var html = $"""
            <p>Someone asked to reset the password of your SocialPlanner account.</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">Choose a new password</a> (the link works once, for {minutes} minutes).</p>
            <p>If it wasn't you, ignore this mail: your password stays as it is.</p>
            """;
        outbox.Enqueue(new OutgoingMail(email, "Reset your SocialPlanner password", text, html));
    }
}
