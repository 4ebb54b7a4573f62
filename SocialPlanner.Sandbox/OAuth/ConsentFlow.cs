using Microsoft.AspNetCore.WebUtilities;

using SocialPlanner.Sandbox.Pages;

namespace SocialPlanner.Sandbox.OAuth;

/// <summary>What differs between the platforms' authorize screens.</summary>
public sealed record ConsentSettings(
    string Platform,
    string ClientId,
    IReadOnlySet<string> AvailableScopes,
    TimeSpan CodeLifetime,
    string CancelError,
    string CancelDescription,
    string RedirectSuffix);

/// <summary>
/// The authorize step shared by LinkedIn and Instagram: a consent page a person clicks, or
/// <c>auto_consent=true</c> (<c>cancel</c>) for browser-less tests. <c>sandbox_member</c> picks who consents.
/// </summary>
public static class ConsentFlow
{
    public static async Task<IResult> AuthorizeAsync(HttpRequest request, ConsentSettings settings, AuthorizationCodes codes)
    {
        var input = request.HasFormContentType
            ? (await request.ReadFormAsync(request.HttpContext.RequestAborted)).ToDictionary(p => p.Key, p => p.Value.ToString())
            : request.Query.ToDictionary(p => p.Key, p => p.Value.ToString());
        string? Get(string key) => input.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

        var redirectUri = Get("redirect_uri");
        if (Get("client_id") != settings.ClientId || !IsRegistrable(redirectUri))
        {
            return Html.Page($"{settings.Platform}: invalid request",
                $"<p>Unknown client_id or unusable redirect_uri. This sandbox's client id is <code>{Html.Encode(settings.ClientId)}</code>.</p>",
                StatusCodes.Status400BadRequest);
        }

        var state = Get("state");
        if (Get("response_type") != "code")
        {
            return Back(redirectUri!, settings, state, ("error", "unsupported_response_type"), ("error_description", "response_type must be code"));
        }

        var scopes = (Get("scope") ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (scopes.FirstOrDefault(s => !settings.AvailableScopes.Contains(s)) is { } refused)
        {
            return Back(redirectUri!, settings, state, ("error", "unauthorized_scope_error"), ("error_description", $"Scope \"{refused}\" is not authorized for your application"));
        }

        var decision = request.HasFormContentType ? Get("decision") : Get("auto_consent") switch
        {
            "true" => "allow",
            "cancel" => "cancel",
            _ => null,
        };
        if (decision is null)
        {
            return ConsentPage.Render(settings.Platform, request.Path, input, scopes);
        }

        if (decision != "allow")
        {
            return Back(redirectUri!, settings, state, ("error", settings.CancelError), ("error_description", settings.CancelDescription));
        }

        var person = SandboxPerson.FromRequest(Get("sandbox_member"));
        var code = codes.Issue(settings.ClientId, redirectUri!, person, scopes, settings.CodeLifetime);
        return Back(redirectUri!, settings, state, ("code", code));
    }

    private static bool IsRegistrable(string? redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && !redirectUri.Contains('#');

    private static Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult Back(string redirectUri, ConsentSettings settings, string? state, params (string Key, string Value)[] parameters)
    {
        var query = parameters.ToDictionary(p => p.Key, p => (string?)p.Value);
        if (state is not null)
        {
            query["state"] = state;
        }

        return TypedResults.Redirect(QueryHelpers.AddQueryString(redirectUri, query) + settings.RedirectSuffix);
    }
}
