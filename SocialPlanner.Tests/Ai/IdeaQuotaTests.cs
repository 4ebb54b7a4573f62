using Microsoft.Extensions.Options;
using SocialPlanner.Core.Ai;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Ai;

/// <summary>The quota against the real database, as the Api's scopes use it (role app, row-level security).</summary>
[Collection(AppCollection.Name)]
public sealed class IdeaQuotaTests(AppFixture app) : DataTest(app)
{
    private static readonly IOptions<AiOptions> Options = Microsoft.Extensions.Options.Options.Create(new AiOptions());

    [Fact]
    public async Task Twenty_parallel_requests_at_95_used_get_exactly_five_reservations()
    {
        var user = await CreateUserAsync();
        await SeedIdeasAsync(user, 95);

        var reservations = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => Quota(user).ReserveAsync(user, TestContext.Current.CancellationToken))));

        Assert.Equal(5, reservations.Count(r => r.Granted));
        Assert.Equal([96, 97, 98, 99, 100], reservations.Where(r => r.Granted).Select(r => r.Status.Used).Order());
        Assert.All(reservations.Where(r => !r.Granted), r => Assert.Equal(0, r.Status.Remaining));
        Assert.Equal(100L, await OwnerScalarAsync<long>("SELECT count(*) FROM ai_generations WHERE user_id = $1 AND type = 'ideas' AND success", user));
    }

    [Fact]
    public async Task A_failed_generation_gives_its_unit_back()
    {
        var user = await CreateUserAsync();
        await SeedIdeasAsync(user, 99);
        var db = AsUser(user);
        var reservation = await new IdeaQuota(db, TimeProvider.System, Options).ReserveAsync(user, TestContext.Current.CancellationToken);
        Assert.True(reservation.Granted);
        Assert.False((await Quota(user).ReserveAsync(user, TestContext.Current.CancellationToken)).Granted);

        await new AiAudit(db, TimeProvider.System, Options, AiCostAlertTests.Metrics, Microsoft.Extensions.Logging.Abstractions.NullLogger<AiAudit>.Instance).FailedAsync(reservation.Row!,
            new AiGenerationException(AiFailure.Unavailable, "provider down") { Model = "gpt-4o-mini", Prompt = "prompt" });

        var again = await Quota(user).ReserveAsync(user, TestContext.Current.CancellationToken);
        Assert.True(again.Granted);
        Assert.Equal(100, again.Status.Used);
        Assert.Equal("provider down", await OwnerScalarAsync<string>("SELECT error_message FROM ai_generations WHERE id = $1", reservation.Row!.Id));
    }

    [Fact]
    public async Task The_quota_resets_on_the_first_instant_of_the_next_month_in_UTC()
    {
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), IdeaQuota.ResetsAt(new DateTimeOffset(2026, 1, 31, 18, 30, 0, TimeSpan.FromHours(-5))));
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), IdeaQuota.ResetsAt(new DateTimeOffset(2026, 2, 1, 0, 30, 0, TimeSpan.FromHours(-5))));

        var user = await CreateUserAsync();
        await SeedIdeasAsync(user, 100, "now() - interval '40 days'");
        Assert.True((await Quota(user).ReserveAsync(user, TestContext.Current.CancellationToken)).Granted);
    }

    private IdeaQuota Quota(Guid user) => new(AsUser(user), TimeProvider.System, Options);

    private Task<long> SeedIdeasAsync(Guid user, int count, string createdAt = "now()") => OwnerScalarAsync<long>($"""
        WITH seeded AS (
          INSERT INTO ai_generations (user_id, type, model, prompt, response, tokens_used, duration_ms, success, created_at)
          SELECT $1, 'ideas', 'seed', 'p', 'r', 10, 10, true, {createdAt} FROM generate_series(1, $2)
          RETURNING 1)
        SELECT count(*) FROM seeded
        """, user, count);
}
