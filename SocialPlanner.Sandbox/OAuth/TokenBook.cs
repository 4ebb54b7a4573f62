using System.Security.Cryptography;

using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.OAuth;

/// <summary>Access and refresh tokens one platform has issued; each platform keeps its own book.</summary>
public abstract class TokenBook(TimeProvider clock) : IResettable, ICallerIdentities
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IssuedToken> _byAccessToken = new(StringComparer.Ordinal);

    /// <summary>Name used by <c>/sandbox/tokens/expire</c>: <c>linkedin</c> or <c>instagram</c>.</summary>
    public abstract string Platform { get; }

    protected abstract string TokenPrefix { get; }

    /// <summary>Every name a test may use for the token's owner (e.g. a member id and its URN).</summary>
    protected abstract IEnumerable<string> NamesOf(string subject);

    public IssuedToken Issue(SandboxPerson person, string subject, IReadOnlyList<string> scopes, bool longLived, TimeSpan lifetime, string? refreshToken = null, DateTimeOffset? refreshExpiresAt = null)
    {
        var now = clock.GetUtcNow();
        var token = new IssuedToken(NewSecret(TokenPrefix), person, subject, scopes, longLived, now, now + lifetime, refreshToken, refreshExpiresAt);
        lock (_gate)
        {
            _byAccessToken[token.AccessToken] = token;
        }

        return token;
    }

    public (TokenState State, IssuedToken? Token) Check(string? accessToken)
    {
        IssuedToken? token;
        lock (_gate)
        {
            if (accessToken is null || !_byAccessToken.TryGetValue(accessToken, out token))
            {
                return (TokenState.Unknown, null);
            }
        }

        if (token.Revoked)
        {
            return (TokenState.Revoked, token);
        }

        return token.ExpiresAt <= clock.GetUtcNow() ? (TokenState.Expired, token) : (TokenState.Valid, token);
    }

    public IssuedToken? FindByRefreshToken(string refreshToken)
    {
        lock (_gate)
        {
            return _byAccessToken.Values.Where(t => t.RefreshToken == refreshToken).MaxBy(t => t.IssuedAt);
        }
    }

    /// <summary>Expires (or revokes) every token matching an owner name or the token itself; returns how many.</summary>
    public int ExpireNow(string who, bool revoke)
    {
        var now = clock.GetUtcNow().AddSeconds(-1);
        lock (_gate)
        {
            var matching = _byAccessToken.Values.Where(t => t.AccessToken == who || NamesOf(t.Subject).Contains(who)).ToList();
            foreach (var token in matching)
            {
                _byAccessToken[token.AccessToken] = revoke
                    ? token with { Revoked = true }
                    : token with { ExpiresAt = now, RefreshExpiresAt = token.RefreshExpiresAt is null ? null : now };
            }

            return matching.Count;
        }
    }

    /// <summary>The state of every token an owner name matches, oldest first, so a test can tell whether a client revoked it.</summary>
    public IReadOnlyList<TokenState> StatesOf(string who)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            return [.. _byAccessToken.Values.Where(t => NamesOf(t.Subject).Contains(who)).OrderBy(t => t.IssuedAt)
                .Select(t => t.Revoked ? TokenState.Revoked : t.ExpiresAt <= now ? TokenState.Expired : TokenState.Valid)];
        }
    }

    public IEnumerable<string> IdentitiesOf(string accessToken)
    {
        lock (_gate)
        {
            return _byAccessToken.TryGetValue(accessToken, out var token) ? NamesOf(token.Subject).ToList() : [];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _byAccessToken.Clear();
        }
    }

    public static string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
