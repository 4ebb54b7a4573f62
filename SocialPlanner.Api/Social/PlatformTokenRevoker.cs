using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Api.Social;

/// <summary>
/// When an account is deleted, its networks are asked to forget the tokens we held, so a copy of them (a backup, a
/// leak) grants nothing afterwards. Best effort and bounded in time: a network that is down or refuses must not keep a
/// user from deleting their account, and our copies are deleted with it either way. Both revocation calls are
/// unconfirmed against the platforms' documentation (docs/architecture.md, "Account endpoints").
/// </summary>
public sealed class PlatformTokenRevoker(
    AppDbContext db, TokenProtector protector, LinkedInClient linkedIn, InstagramClient instagram, ILogger<PlatformTokenRevoker> logger)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public async Task RevokeAllAsync(Guid userId, CancellationToken ct)
    {
        var connections = await db.SocialConnections.AsNoTracking()
            .Where(c => c.UserId == userId && c.IsActive)
            .Select(c => new { c.Platform, c.AccessToken })
            .ToListAsync(ct);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Budget);
        foreach (var connection in connections)
        {
            try
            {
                var token = protector.Unprotect(connection.AccessToken);
                await (connection.Platform switch
                {
                    SocialPlatform.Linkedin => linkedIn.RevokeAsync(token, budget.Token),
                    SocialPlatform.Instagram => instagram.RevokeAsync(token, budget.Token),
                    _ => Task.CompletedTask,
                });
            }
            catch (Exception e) when (e is HttpRequestException or OAuthException or GraphApiException or CryptographicException
                                          || (e is OperationCanceledException && !ct.IsCancellationRequested))
            {
                logger.LogWarning(e, "Could not revoke the {Platform} token of a deleted account; it stays valid until it expires",
                    connection.Platform);
            }
        }
    }
}
