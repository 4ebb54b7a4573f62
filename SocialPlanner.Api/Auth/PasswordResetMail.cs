using System.Net;
using Microsoft.Extensions.Localization;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Api.Auth;

/// <summary>Writes the reset mail, in the account's language (not the request's: anyone may ask for the reset); the
/// link opens the web app's reset page, which calls <c>POST /api/auth/reset-password/confirm</c> with the email and token.</summary>
public sealed class PasswordResetMail(MailOutbox outbox, IConfiguration configuration, IStringLocalizer<ApiStrings> text)
{
    public void Send(string email, string token, TimeSpan lifetime, string language)
    {
        var webBaseUrl = WebLinks.BaseUrl(configuration);
        var link = $"{webBaseUrl}/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
        var minutes = (int)lifetime.TotalMinutes;
        // Our own texts, HTML-safe as written; only the link is encoded.
        using var culture = UserCulture.Use(language);
        var plain = $"""
            {text["Mail.Reset.Asked"]}

            {text["Mail.Reset.ChooseText", minutes]}
            {link}

            {text["Mail.Reset.NotYou"]}
            """;
        var html = $"""
            <p>{text["Mail.Reset.Asked"]}</p>
            <p>{text["Mail.Reset.ChooseHtml", WebUtility.HtmlEncode(link), minutes]}</p>
            <p>{text["Mail.Reset.NotYou"]}</p>
            """;
        outbox.Enqueue(new OutgoingMail(email, text["Mail.Reset.Subject"], plain, html));
    }
}
