using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Api.Auth;

public sealed record SessionDto(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

/// <summary>Issues access tokens and rotating refresh tokens. A sign-in starts a token family; each refresh
/// replaces the presented token, and presenting a replaced token again means it was stolen, so the whole
/// family dies.</summary>
public sealed class SessionService(AppDbContext db, TimeProvider clock, IOptions<AuthOptions> options)
{
    /// <summary>Claim carrying the refresh family, so logout can end the session the access token belongs to.</summary>
    public const string SessionClaim = JwtRegisteredClaimNames.Sid;

    public async Task<SessionDto> StartAsync(AppUser user, CancellationToken ct)
    {
        var (token, refresh) = NewRefreshToken(user.Id, Guid.CreateVersion7());
        db.RefreshTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return IssueAccessToken(user, token.FamilyId, refresh);
    }

    public async Task<(AppUser User, SessionDto Session)> RefreshAsync(string presented, CancellationToken ct)
    {
        var now = clock.GetDbNow();
        var hash = TokenHashing.Hash(presented);
        var current = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (current is null || current.ExpiresAt <= now)
        {
            throw InvalidRefreshToken();
        }
        if (current.RevokedAt is not null)
        {
            await RevokeFamilyAsync(current.FamilyId, ct);
            throw InvalidRefreshToken();
        }
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == current.UserId, ct) ?? throw InvalidRefreshToken();

        var (next, refresh) = NewRefreshToken(user.Id, current.FamilyId);
        db.RefreshTokens.Add(next);
        await db.SaveChangesAsync(ct);

        // Claimed with a conditional update: of two concurrent refreshes with one token only one wins; the other
        // is treated as reuse.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == current.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.ReplacedById, next.Id), ct);
        if (claimed == 0)
        {
            await RevokeFamilyAsync(current.FamilyId, ct);
            throw InvalidRefreshToken();
        }
        return (user, IssueAccessToken(user, next.FamilyId, refresh));
    }

    public Task RevokeFamilyAsync(Guid familyId, CancellationToken ct) =>
        Revoke(db.RefreshTokens.Where(t => t.FamilyId == familyId), ct);

    public Task RevokeAllAsync(Guid userId, CancellationToken ct) =>
        Revoke(db.RefreshTokens.Where(t => t.UserId == userId), ct);

    /// <summary>Every session of the user but <paramref name="keptFamilyId"/>: the one that changed the password.</summary>
    public Task RevokeAllExceptAsync(Guid userId, Guid keptFamilyId, CancellationToken ct) =>
        Revoke(db.RefreshTokens.Where(t => t.UserId == userId && t.FamilyId != keptFamilyId), ct);

    private Task Revoke(IQueryable<RefreshToken> tokens, CancellationToken ct)
    {
        var now = clock.GetDbNow();
        return tokens.Where(t => t.RevokedAt == null).ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    private (RefreshToken Row, string Token) NewRefreshToken(Guid userId, Guid familyId)
    {
        var now = clock.GetDbNow();
        var token = TokenHashing.NewToken();
        var row = new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            FamilyId = familyId,
            TokenHash = TokenHashing.Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.RefreshTokenDays),
        };
        return (row, token);
    }

    private SessionDto IssueAccessToken(AppUser user, Guid familyId, string refreshToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(settings.AccessTokenMinutes);
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(),
                [JwtRegisteredClaimNames.Email] = user.Email ?? "",
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString(),
                [SessionClaim] = familyId.ToString(),
            },
        });
        return new SessionDto(token, refreshToken, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions settings) => new(Encoding.UTF8.GetBytes(settings.SigningKey));

    private static ApiProblemException InvalidRefreshToken() =>
        new(ApiProblem.Unauthorized("Auth.RefreshTokenInvalid"));
}
