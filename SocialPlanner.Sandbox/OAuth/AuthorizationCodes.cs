using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.OAuth;

public sealed record CodeGrant(string ClientId, string RedirectUri, SandboxPerson Person, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt);

/// <summary>Single-use, expiring authorization codes; a code is spent by any redemption attempt, right or wrong.</summary>
public sealed class AuthorizationCodes(TimeProvider clock) : IResettable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, CodeGrant> _codes = new(StringComparer.Ordinal);

    public string Issue(string clientId, string redirectUri, SandboxPerson person, IReadOnlyList<string> scopes, TimeSpan lifetime)
    {
        var code = TokenBook.NewSecret("AQ");
        lock (_gate)
        {
            _codes[code] = new CodeGrant(clientId, redirectUri, person, scopes, clock.GetUtcNow() + lifetime);
        }

        return code;
    }

    /// <summary>The grant, when the code exists, is unexpired and was issued to this client for this exact redirect URI.</summary>
    public CodeGrant? Redeem(string? code, string? clientId, string? redirectUri)
    {
        CodeGrant? grant;
        lock (_gate)
        {
            if (code is null || !_codes.Remove(code, out grant))
            {
                return null;
            }
        }

        var matches = grant.ClientId == clientId && grant.RedirectUri == redirectUri && grant.ExpiresAt > clock.GetUtcNow();
        return matches ? grant : null;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _codes.Clear();
        }
    }
}
