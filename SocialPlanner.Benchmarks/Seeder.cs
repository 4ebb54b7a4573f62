using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Hosting;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Benchmarks;

/// <summary>A benchmark user with its sandbox LinkedIn member and the plain access token the bare loop uses.</summary>
public sealed record Account(Guid UserId, string MemberId, string AccessToken);

/// <summary>Seeds as the database owner, in a handful of statements whatever the volume.</summary>
public static class Seeder
{
    private static readonly Uri RedirectUri = new("http://bench.test/connections/linkedin/callback");

    /// <summary>Users in one INSERT, each connected to its own sandbox member through the real OAuth flow (auto
    /// consent), the tokens encrypted with the hosts' Data Protection keys and stored in one INSERT.</summary>
    public static async Task<IReadOnlyList<Account>> ConnectUsersAsync(BenchApp bench, int users, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"Connecting {users} users to sandbox LinkedIn members…");
        var userIds = new List<Guid>();
        await using (var insert = bench.Owner.CreateCommand("""
            INSERT INTO users (email, normalized_email, user_name, normalized_user_name, email_confirmed,
                               phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            SELECT e, upper(e), e, upper(e), true, false, false, false, 0
            FROM (SELECT format('bench-%s-%s@example.test', $1::text, g) AS e FROM generate_series(1, $2) g) emails
            RETURNING id
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = bench.Run });
            insert.Parameters.Add(new NpgsqlParameter { Value = users });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                userIds.Add(reader.GetGuid(0));
            }
        }

        using var gate = new SemaphoreSlim(16);
        var grants = await Task.WhenAll(userIds.Select(async userId =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return (UserId: userId, Grant: await ConsentAsync(bench, cancellationToken));
            }
            finally
            {
                gate.Release();
            }
        }));

        await using var services = ProtectionServices(bench.Owner);
        var protector = services.GetRequiredService<TokenProtector>();
        await using (var insert = bench.Owner.CreateCommand("""
            INSERT INTO social_connections (user_id, platform, access_token, refresh_token, expires_at, refresh_token_expires_at, profile_id)
            SELECT u, 'linkedin', a, r, e, re, p FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::text[]) AS t(u, a, r, e, re, p)
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = grants.Select(g => g.UserId).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = grants.Select(g => protector.Protect(g.Grant.Tokens.AccessToken)).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = grants.Select(g => g.Grant.Tokens.RefreshToken is { } r ? protector.Protect(r) : null).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = grants.Select(g => g.Grant.Tokens.ExpiresAt).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = grants.Select(g => g.Grant.Tokens.RefreshTokenExpiresAt).ToArray() });
            insert.Parameters.Add(new NpgsqlParameter { Value = grants.Select(g => g.Grant.MemberId).ToArray() });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        return grants.Select(g => new Account(g.UserId, g.Grant.MemberId, g.Grant.Tokens.AccessToken)).ToList();
    }

    /// <summary>Posts and their LinkedIn publications, as the scheduler writes them, then one NOTIFY.</summary>
    public static async Task InsertScheduledPostsAsync(
        NpgsqlDataSource owner, Guid[] ids, Guid[] userIds, string[] texts, DateTimeOffset[] dueAt, CancellationToken cancellationToken)
    {
        await using var batch = owner.CreateBatch();
        batch.BatchCommands.Add(Statement("""
            INSERT INTO posts (id, user_id, platform, content, status, scheduled_at)
            SELECT i, u, 'linkedin', c, 'scheduled', d FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[]) AS t(i, u, c, d)
            """, ids, userIds, texts, dueAt));
        batch.BatchCommands.Add(Statement("""
            INSERT INTO post_publications (post_id, user_id, platform, status, due_at, scheduled_at)
            SELECT i, u, 'linkedin', 'pending', d, d FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS t(i, u, d)
            """, ids, userIds, dueAt));
        batch.BatchCommands.Add(new NpgsqlBatchCommand("NOTIFY publications_changed"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Statement(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }

    private sealed record Grant(OAuthTokens Tokens, string MemberId);

    private static async Task<Grant> ConsentAsync(BenchApp bench, CancellationToken cancellationToken)
    {
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = bench.Sandbox.BaseAddress };
        var consent = bench.LinkedIn.BuildAuthorizeUrl(RedirectUri, "bench") + $"&auto_consent=true&sandbox_member=bench{Guid.NewGuid():N}";
        using var redirect = await noRedirects.GetAsync(consent, cancellationToken);
        var code = QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();
        var tokens = await bench.LinkedIn.ExchangeCodeAsync(code, RedirectUri, cancellationToken);
        var profile = await bench.LinkedIn.GetUserInfoAsync(tokens.AccessToken, cancellationToken);
        return new Grant(tokens, profile.Id);
    }

    /// <summary>The hosts' Data Protection setup (keys shared through the database, same application name), so the
    /// Worker can decrypt what the benchmark stores.</summary>
    private static ServiceProvider ProtectionServices(NpgsqlDataSource owner)
    {
        var services = new ServiceCollection()
            .AddSingleton(owner)
            .AddAppDbContext()
            .AddSingleton<TokenProtector>();
        services.AddSharedDataProtection();
        return services.BuildServiceProvider();
    }
}
