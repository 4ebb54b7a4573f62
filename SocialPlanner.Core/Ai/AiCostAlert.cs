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

    /// <summary>Since when the operator's mail is owed (<see cref="AiCostAlertEmails"/>); null once sent, or settled
    /// unsent when no address is configured.</summary>
    public DateTimeOffset? NoticeDueAt { get; set; }
}

/// <summary>Told of each alert as it is raised, in the Api's request. The operator's mail does not go this way: the
/// Worker sends it from the alert's row (<see cref="AiCostAlertEmails"/>), so a crash here cannot lose it.</summary>
public interface IAiCostAlertNotifier
{
    void Raised(AiCostAlert alert);
}
