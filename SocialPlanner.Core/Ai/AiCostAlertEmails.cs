using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Mail;

namespace SocialPlanner.Core.Ai;

/// <summary>The operator's mail for each AI cost alert (<c>Ai:CostAlertEmail</c>), in English: it is for whoever runs
/// SocialPlanner, not for the user. Sent by the Worker from the alert's row, which owes it (<c>notice_due_at</c>) from
/// the moment the Api raises the alert until it is sent: an Api crash right after raising it loses nothing, and an
/// SMTP failure is tried again (the Worker's job takes what is owed with <see cref="Publishing.OverdueNotices"/>).
/// With no address configured on the Worker it stays owed, with a warning each time it is taken. The rate and the
/// threshold the text quotes are the Worker's <c>Ai:*</c> settings (set them on both).</summary>
public sealed partial class AiCostAlertEmails(AppDbContext db, IEmailSender sender, IOptions<AiOptions> options, ILogger<AiCostAlertEmails> logger)
{
    /// <summary>Mails the alert, then settles it. Had the send thrown, the alert stays owed and is taken again.</summary>
    public async Task SendAsync(Guid userId, DateOnly month, CancellationToken cancellationToken)
    {
        var alert = await db.AiCostAlerts.AsNoTracking().SingleOrDefaultAsync(a => a.UserId == userId && a.Month == month, cancellationToken);
        if (alert is null)
        {
            return; // the user and their alerts were deleted meanwhile
        }
        if (options.Value.CostAlertEmail is not { Length: > 0 } to)
        {
            // Kept owed: once an address is set, the alerts raised before it still go out.
            LogNoAddress(userId, month);
            return;
        }
        var (subject, text) = Compose(alert, options.Value);
        await sender.SendAsync(to, subject, text, null, cancellationToken);
        await db.AiCostAlerts.Where(a => a.UserId == userId && a.Month == month)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.NoticeDueAt, (DateTimeOffset?)null), cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "The AI cost alert of user {UserId} ({Month}) stays unmailed: set Ai:CostAlertEmail on the Worker")]
    private partial void LogNoAddress(Guid userId, DateOnly month);

    public static (string Subject, string Text) Compose(AiCostAlert alert, AiOptions options)
    {
        var month = alert.Month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);
        // Four decimals at most: a spend just over the alert must not read as equal to it.
        var cost = alert.EstimatedCostUsd.ToString("0.00##", CultureInfo.InvariantCulture);
        var text = $"""
            User {alert.UserId} has spent an estimated ${cost} on AI generations in {month} ({alert.TokensUsed.ToString("N0", CultureInfo.InvariantCulture)} tokens at
            ${options.UsdPerToken.ToString(CultureInfo.InvariantCulture)} a token), over the alert of
            ${options.MonthlyCostAlertUsd.ToString("0.00", CultureInfo.InvariantCulture)} a month.

            This is the only alert for this user this month. Their generations are in the ai_generations table.
            """;
        return ($"AI cost alert: ${cost} in {month} for one user", text);
    }
}
