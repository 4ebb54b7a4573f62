namespace SocialPlanner.Core.Ai;

/// <summary>One user's AI spend crossing the monthly alert (the spec's "alert if monthly cost &gt; $10/user"): at most
/// one row per user and calendar month (UTC), written by the generation that crossed it.</summary>
public class AiCostAlert
{
    public Guid UserId { get; set; }

    /// <summary>The first day of the month (UTC) the spend belongs to.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The spec's estimate when the alert was raised: the month's tokens × the price per token.</summary>
    public decimal EstimatedCostUsd { get; set; }

    public long TokensUsed { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Since when the operator's mail is owed (<see cref="AiCostAlertEmails"/>); null once sent.</summary>
    public DateTimeOffset? NoticeDueAt { get; set; }
}
