using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Mail;
using SocialPlanner.Core.Publishing;
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
        var (metrics, raised) = CountedAlerts();
        var audits = Enumerable.Range(0, 12).Select(_ => Audit(user, metrics)).ToList();

        // Each of these alone takes the month to $10.01.
        await Task.WhenAll(audits.Select(a => Task.Run(() => GenerateAsync(a, user, tokens: 2_000))));

        Assert.Equal(1, raised.GetMeasurementSnapshot().EvaluateAsCounter());
        var now = DateTime.UtcNow;
        Assert.Equal(new DateTime(now.Year, now.Month, 1), await OwnerScalarAsync<DateTime>("""
            SELECT month::timestamp FROM ai_cost_alerts
            WHERE user_id = $1 AND estimated_cost_usd > 10 AND tokens_used > 1000000 AND notice_due_at IS NOT NULL
            """, user));

        // Later generations this month raise nothing more.
        await GenerateAsync(Audit(user, metrics), user, tokens: 50_000);
        Assert.Equal(1, raised.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    [Fact]
    public async Task Ten_dollars_exactly_or_last_months_spend_raise_nothing()
    {
        var user = await CreateUserAsync();
        await SeedTokensAsync(user, 5_000_000, "date_trunc('month', now()) - interval '1 day'");
        await SeedTokensAsync(user, 998_000);
        var (metrics, raised) = CountedAlerts();

        await GenerateAsync(Audit(user, metrics), user, tokens: 2_000); // $10.00: not over

        Assert.Equal(0, raised.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(0L, await OwnerScalarAsync<long>("SELECT count(*) FROM ai_cost_alerts WHERE user_id = $1", user));
        await GenerateAsync(Audit(user, metrics), user, tokens: 1); // now over
        Assert.Equal(1, raised.GetMeasurementSnapshot().EvaluateAsCounter());
    }

    /// <summary>The Api raises the alert and the Worker mails it from the row, so an Api crash in between loses
    /// nothing: the row owes the mail until it is sent.</summary>
    [Fact]
    public async Task An_owed_alert_mail_is_taken_once_per_retry_period_sent_and_settled()
    {
        var user = await CreateUserAsync();
        var month = await OwedAlertAsync(user, 10.01m);
        var mails = new MailRecorder();
        var notices = new OverdueNotices(As(DbRole.Worker));
        var now = DateTimeOffset.UtcNow;

        var taken = await notices.TakeOverdueCostAlertsAsync(now.AddHours(2), now.AddHours(3), Ct);
        var takenAgain = await notices.TakeOverdueCostAlertsAsync(now.AddHours(2), now.AddHours(3), Ct);

        Assert.Contains((user, month), taken);
        Assert.DoesNotContain((user, month), takenAgain);
        await Emails(mails, "ops@example.test").SendAsync(user, month, Ct);
        var (to, subject, text) = Assert.Single(mails.Sent);
        Assert.Equal("ops@example.test", to);
        Assert.StartsWith("AI cost alert: $10.01 in ", subject);
        Assert.Contains(user.ToString(), text);
        Assert.True(await OwnerScalarAsync<bool>("SELECT notice_due_at IS NULL FROM ai_cost_alerts WHERE user_id = $1", user));
    }

    [Fact]
    public async Task Without_an_address_the_alert_mail_stays_owed_until_one_is_set()
    {
        var user = await CreateUserAsync();
        var month = await OwedAlertAsync(user, 12m);
        var mails = new MailRecorder();

        await Emails(mails, address: null).SendAsync(user, month, Ct);

        Assert.Empty(mails.Sent);
        Assert.True(await OwnerScalarAsync<bool>("SELECT notice_due_at IS NOT NULL FROM ai_cost_alerts WHERE user_id = $1", user));
        await Emails(mails, "ops@example.test").SendAsync(user, month, Ct);
        Assert.Single(mails.Sent);
        Assert.True(await OwnerScalarAsync<bool>("SELECT notice_due_at IS NULL FROM ai_cost_alerts WHERE user_id = $1", user));
    }

    [Fact]
    public async Task An_alert_mail_the_mail_server_refuses_stays_owed()
    {
        var user = await CreateUserAsync();
        var month = await OwedAlertAsync(user, 11m);

        await Assert.ThrowsAsync<IOException>(() => Emails(new RefusingMailServer(), "ops@example.test").SendAsync(user, month, Ct));

        Assert.True(await OwnerScalarAsync<bool>("SELECT notice_due_at IS NOT NULL FROM ai_cost_alerts WHERE user_id = $1", user));
    }

    private sealed class RefusingMailServer : IEmailSender
    {
        public Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken cancellationToken) =>
            Task.FromException(new IOException("421 Service not available"));
    }

    /// <summary>An alert as the Api raises it, but owed an hour from now, so the running Worker's job (which takes what
    /// is owed by now) leaves it to the test; its month.</summary>
    private async Task<DateOnly> OwedAlertAsync(Guid user, decimal cost) => DateOnly.FromDateTime(await OwnerScalarAsync<DateTime>("""
        INSERT INTO ai_cost_alerts (user_id, month, estimated_cost_usd, tokens_used, notice_due_at)
        VALUES ($1, date_trunc('month', now())::date, $2, ($2 / 0.00001)::bigint, now() + interval '1 hour') RETURNING month::timestamp
        """, user, cost));

    private AiCostAlertEmails Emails(IEmailSender mails, string? address) =>
        new(As(DbRole.Worker), mails, Microsoft.Extensions.Options.Options.Create(new AiOptions { CostAlertEmail = address }),
            NullLogger<AiCostAlertEmails>.Instance);

    private sealed class MailRecorder : IEmailSender
    {
        public ConcurrentQueue<(string To, string Subject, string Text)> Sent { get; } = new();

        public Task SendAsync(string to, string subject, string textBody, string? htmlBody, CancellationToken cancellationToken)
        {
            Sent.Enqueue((to, subject, textBody));
            return Task.CompletedTask;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AiAudit Audit(Guid user, AiMetrics metrics) => new(AsUser(user), TimeProvider.System, Options, metrics, NullLogger<AiAudit>.Instance);

    /// <summary>Metrics of the test's own, and the count of alerts raised through them.</summary>
    private static (AiMetrics Metrics, MetricCollector<long> Raised) CountedAlerts()
    {
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var raised = new MetricCollector<long>(meters, AiMetrics.MeterName, "socialplanner.ai.cost.alerts");
        return (new AiMetrics(meters), raised);
    }

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

}
