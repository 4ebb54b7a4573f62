using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Ai;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Ai;

/// <summary>The spec's "alert if monthly cost &gt; $10/user" against the real database, as the Api's scopes record
/// generations (role app, row-level security): the spend is the month's tokens × $0.00001.</summary>
[Collection(AppCollection.Name)]
public sealed class AiCostAlertTests(AppFixture app) : DataTest(app)
{
    private static readonly IOptions<AiOptions> Options = Microsoft.Extensions.Options.Options.Create(new AiOptions());
    internal static readonly AiMetrics Metrics = new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task The_generations_that_take_a_month_over_ten_dollars_raise_one_alert_however_many_cross_at_once()
    {
        var user = await CreateUserAsync();
        await SeedTokensAsync(user, 999_000); // $9.99
        var notified = new ConcurrentBag<AiCostAlert>();
        var audits = Enumerable.Range(0, 12).Select(_ => Audit(user, notified)).ToList();

        // Each of these alone takes the month to $10.01.
        await Task.WhenAll(audits.Select(a => Task.Run(() => GenerateAsync(a, user, tokens: 2_000))));

        var alert = Assert.Single(notified);
        Assert.Equal(user, alert.UserId);
        var now = DateTime.UtcNow;
        Assert.Equal(new DateOnly(now.Year, now.Month, 1), alert.Month);
        Assert.True(alert.EstimatedCostUsd > 10m, $"{alert.EstimatedCostUsd}");
        Assert.Equal(1L, await OwnerScalarAsync<long>(
            "SELECT count(*) FROM ai_cost_alerts WHERE user_id = $1 AND estimated_cost_usd > 10 AND tokens_used > 1000000", user));

        // Later generations this month raise nothing more.
        await GenerateAsync(Audit(user, notified), user, tokens: 50_000);
        Assert.Single(notified);
    }

    [Fact]
    public async Task Ten_dollars_exactly_or_last_months_spend_raise_nothing()
    {
        var user = await CreateUserAsync();
        await SeedTokensAsync(user, 5_000_000, "date_trunc('month', now()) - interval '1 day'");
        await SeedTokensAsync(user, 998_000);
        var notified = new ConcurrentBag<AiCostAlert>();

        await GenerateAsync(Audit(user, notified), user, tokens: 2_000); // $10.00: not over

        Assert.Empty(notified);
        Assert.Equal(0L, await OwnerScalarAsync<long>("SELECT count(*) FROM ai_cost_alerts WHERE user_id = $1", user));
        await GenerateAsync(Audit(user, notified), user, tokens: 1); // now over
        Assert.Single(notified);
    }

    private AiAudit Audit(Guid user, ConcurrentBag<AiCostAlert> notified) =>
        new(AsUser(user), TimeProvider.System, Options, Metrics, NullLogger<AiAudit>.Instance, [new Recorder(notified)]);

    private static Task GenerateAsync(AiAudit audit, Guid user, int tokens)
    {
        var row = audit.Begin(user, GenerationType.PostLinkedin);
        return audit.SucceededAsync(row, new AiResult<string>("post", "gpt-4o-mini", "prompt", "response", tokens, 10));
    }

    private Task<long> SeedTokensAsync(Guid user, int tokens, string createdAt = "now()") => OwnerScalarAsync<long>($"""
        WITH seeded AS (
          INSERT INTO ai_generations (user_id, type, model, prompt, response, tokens_used, duration_ms, success, created_at)
          VALUES ($1, 'post_linkedin', 'seed', 'p', 'r', $2, 10, true, {createdAt})
          RETURNING 1)
        SELECT count(*) FROM seeded
        """, user, tokens);

    private sealed class Recorder(ConcurrentBag<AiCostAlert> notified) : IAiCostAlertNotifier
    {
        public void Raised(AiCostAlert alert) => notified.Add(alert);
    }
}
