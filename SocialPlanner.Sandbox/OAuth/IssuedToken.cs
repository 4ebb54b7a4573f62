namespace SocialPlanner.Sandbox.OAuth;

public sealed record IssuedToken(
    string AccessToken,
    SandboxPerson Person,
    string Subject,
    IReadOnlyList<string> Scopes,
    bool LongLived,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    string? RefreshToken,
    DateTimeOffset? RefreshExpiresAt,
    bool Revoked = false)
{
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}

public enum TokenState
{
    Valid,
    Unknown,
    Expired,
    Revoked,
}
