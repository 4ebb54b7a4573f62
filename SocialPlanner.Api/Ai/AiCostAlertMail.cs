using System.Globalization;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Ai;

namespace SocialPlanner.Api.Ai;

/// <summary>Mails each AI cost alert to the operator's address (<c>Ai:CostAlertEmail</c>), in English: it is for
/// whoever runs SocialPlanner, not for the user. Nothing is mailed when no address is configured.</summary>
public sealed class AiCostAlertMail(MailOutbox outbox, IOptions<AiOptions> options) : IAiCostAlertNotifier
{
    public void Raised(AiCostAlert alert)
    {
        if (options.Value.CostAlertEmail is not { Length: > 0 } to)
        {
            return;
        }
        var month = alert.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        // Four decimals at most: a spend just over the alert must not read as equal to it.
        var cost = alert.EstimatedCostUsd.ToString("0.00##", CultureInfo.InvariantCulture);
        var text = $"""
            User {alert.UserId} has spent an estimated ${cost} on AI generations in {month} ({alert.TokensUsed.ToString("N0", CultureInfo.InvariantCulture)} tokens at
            ${options.Value.UsdPerToken.ToString(CultureInfo.InvariantCulture)} a token), over the alert of
            ${options.Value.MonthlyCostAlertUsd.ToString("0.00", CultureInfo.InvariantCulture)} a month.

            This is the only alert for this user this month. Their generations are in the ai_generations table.
            """;
        outbox.Enqueue(new OutgoingMail(to, $"AI cost alert: ${cost} in {month} for one user", text, null));
    }
}
