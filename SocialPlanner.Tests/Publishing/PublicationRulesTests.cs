using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Tests.Publishing;

public sealed class PublicationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly PublishingOptions Options = new();

    [Fact]
    public void A_confirmed_post_is_published_with_its_platform_id()
    {
        var change = PublicationRules.Decide(new PublishOutcome.Published("urn:li:share:1", "https://x"), 0, null, Now, Options)!;

        Assert.Equal(PublicationStatus.Published, change.Status);
        Assert.Equal("urn:li:share:1", change.ExternalId);
        Assert.Equal(Now, change.PublishedAt);
    }

    [Fact]
    public void A_transient_failure_that_certainly_did_not_publish_is_retried_with_back_off()
    {
        var change = PublicationRules.Decide(new PublishOutcome.NotSent(Sentence.Verbatim("503"), true), 0, null, Now, Options)!;

        Assert.Equal(PublicationStatus.Pending, change.Status);
        Assert.Equal(1, change.Attempts);
        Assert.Equal(Now + Options.RetryBaseDelay, change.DueAt);
    }

    [Fact]
    public void The_third_failed_attempt_ends_failed_with_the_reason()
    {
        var change = PublicationRules.Decide(new PublishOutcome.NotSent(Sentence.Verbatim("LinkedIn could not be reached."), true), 2, null, Now, Options)!;

        Assert.Equal(PublicationStatus.Failed, change.Status);
        Assert.Equal(3, change.Attempts);
        Assert.Contains("LinkedIn could not be reached.", change.ErrorMessage);
    }

    [Fact]
    public void A_refusal_of_the_content_fails_at_once()
    {
        var change = PublicationRules.Decide(new PublishOutcome.NotSent(Sentence.Verbatim("too long"), false), 0, null, Now, Options)!;

        Assert.Equal(PublicationStatus.Failed, change.Status);
    }

    [Fact]
    public void An_ambiguous_send_stays_sending_and_is_reconciled_later_keeping_its_handle()
    {
        var change = PublicationRules.Decide(new PublishOutcome.Ambiguous(Sentence.Verbatim("timeout")), 0, "container-1", Now, Options)!;

        Assert.Equal(PublicationStatus.Sending, change.Status);
        Assert.Equal(Now + Options.ReconcileDelay, change.DueAt);
        Assert.Equal("container-1", change.ExternalId);
    }

    [Fact]
    public void A_reconciliation_asked_to_wait_stays_sending_until_the_platform_allows_the_next_one()
    {
        var wait = Options.ReconcileDelay * 12;
        var change = PublicationRules.Decide(new PublishOutcome.Ambiguous(Sentence.Verbatim("throttled"), wait), 1, null, Now, Options,
            reconciling: true)!;

        Assert.Equal(PublicationStatus.Sending, change.Status);
        Assert.Equal(Now + wait, change.DueAt);
        Assert.Equal(2, change.Attempts);
        // Never beyond the back-off ceiling, however long the platform asks.
        var capped = PublicationRules.Decide(new PublishOutcome.Ambiguous(Sentence.Verbatim("throttled"), TimeSpan.FromDays(2)), 1, null, Now,
            Options, reconciling: true)!;
        Assert.Equal(Now + Options.RetryMaxDelay, capped.DueAt);
    }

    [Fact]
    public void A_reconciliation_deferred_by_a_daily_limit_stays_a_reconciliation_with_its_handle()
    {
        var change = PublicationRules.Decide(new PublishOutcome.QuotaExhausted(Now.AddHours(1)), 1, "container-1", Now, Options,
            reconciling: true)!;

        Assert.Equal(PublicationStatus.Sending, change.Status);
        Assert.Equal(Now.AddHours(1), change.DueAt);
        Assert.Equal(1, change.Attempts);
        Assert.Equal("container-1", change.ExternalId);
    }

    [Fact]
    public void An_ambiguous_send_that_cannot_be_reconciled_in_time_fails_as_unconfirmed()
    {
        var change = PublicationRules.Decide(new PublishOutcome.Ambiguous(Sentence.Verbatim("timeout")), 2, null, Now, Options)!;

        Assert.Equal(PublicationStatus.Failed, change.Status);
        Assert.Equal(PublicationRules.UnconfirmedMessage, change.ErrorMessage);
        Assert.Contains("check your account", change.ErrorMessage);
    }

    [Fact]
    public void Reaching_the_daily_limit_defers_without_spending_an_attempt()
    {
        var later = Now.AddHours(1);
        var change = PublicationRules.Decide(new PublishOutcome.QuotaExhausted(later), 1, null, Now, Options)!;

        Assert.Equal(PublicationStatus.Pending, change.Status);
        Assert.Equal(later, change.DueAt);
        Assert.Equal(1, change.Attempts);
    }

    [Fact]
    public void Every_failure_for_good_owes_the_user_an_email_recorded_with_it()
    {
        (PublishOutcome Outcome, int AttemptsSoFar)[] failures =
        [
            (new PublishOutcome.NotSent(Sentence.Verbatim("Refused."), false), 0),
            (new PublishOutcome.NotSent(Sentence.Verbatim("503"), true), 2),
            (new PublishOutcome.Ambiguous(Sentence.Verbatim("Timed out.")), 2),
            (new PublishOutcome.Unconfirmed(Sentence.Verbatim("Not found.")), 0),
            (new PublishOutcome.TokenRejected(Sentence.Verbatim("Token revoked.")), 0),
        ];
        foreach (var (outcome, attemptsSoFar) in failures)
        {
            var change = PublicationRules.Decide(outcome, attemptsSoFar, null, Now, Options)!;

            Assert.Equal(PublicationStatus.Failed, change.Status);
            Assert.Equal(Now, change.NoticeDueAt);
        }
    }

    [Fact]
    public void Outcomes_that_are_not_final_failures_owe_no_email()
    {
        PublishOutcome[] outcomes =
        [
            new PublishOutcome.Published("urn:li:share:1", null),
            new PublishOutcome.NotSent(Sentence.Verbatim("503"), true),
            new PublishOutcome.Ambiguous(Sentence.Verbatim("Timed out.")),
            new PublishOutcome.QuotaExhausted(Now.AddHours(1)),
            new PublishOutcome.Cancelled(Sentence.Verbatim("Deleted.")),
        ];
        foreach (var outcome in outcomes)
        {
            var change = PublicationRules.Decide(outcome, 0, null, Now, Options)!;

            Assert.NotEqual(PublicationStatus.Failed, change.Status);
            Assert.Null(change.NoticeDueAt);
        }
    }

    [Fact]
    public void A_lost_lease_writes_nothing() =>
        Assert.Null(PublicationRules.Decide(new PublishOutcome.LeaseLost(), 0, null, Now, Options));

    [Fact]
    public void Back_off_doubles_per_attempt()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), PublicationRules.Backoff(1, null, Options));
        Assert.Equal(TimeSpan.FromSeconds(10), PublicationRules.Backoff(2, null, Options));
        Assert.Equal(TimeSpan.FromSeconds(20), PublicationRules.Backoff(3, null, Options));
    }

    [Fact]
    public void Back_off_honours_a_longer_retry_after_but_not_beyond_the_ceiling()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), PublicationRules.Backoff(1, TimeSpan.FromSeconds(90), Options));
        Assert.Equal(Options.RetryMaxDelay, PublicationRules.Backoff(1, TimeSpan.FromDays(1), Options));
    }

    [Fact]
    public void A_post_over_the_LinkedIn_limit_fails_naming_the_rule_instead_of_being_sent()
    {
        var post = new Post { Content = new string('a', 3_001) };

        var outcome = PublicationRules.BrokenPlatformRules(SocialPlatform.Linkedin, post);

        Assert.NotNull(outcome);
        Assert.False(outcome.Transient);
        Assert.Contains("3,000 characters", outcome.Reason.InEnglish());
        Assert.StartsWith("Les publications LinkedIn sont limitées à", outcome.Reason.In("fr"));
    }

    [Fact]
    public void A_post_within_the_rules_of_its_platform_may_go_out()
    {
        var hashtags = Enumerable.Range(0, 31).Select(i => $"tag{i}").ToList();

        Assert.Null(PublicationRules.BrokenPlatformRules(SocialPlatform.Linkedin, new Post { Content = "Hello", Hashtags = hashtags }));
        Assert.NotNull(PublicationRules.BrokenPlatformRules(SocialPlatform.Instagram, new Post { Content = "Hello", Hashtags = hashtags }));
    }
}
