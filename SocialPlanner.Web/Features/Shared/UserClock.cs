using SocialPlanner.Web.Features.Auth;

namespace SocialPlanner.Web.Features.Shared;

/// <summary>
/// The signed-in user's time zone (from <c>/api/auth/me</c>), loaded once per circuit: the calendar, the editor's
/// schedule and the home page show times where the user lives, whatever the server's zone.
/// </summary>
public sealed class UserClock(AuthClient auth, TimeProvider clock)
{
    private Me? _me;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public string Email => _me?.Email ?? "";

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (_me is not null)
        {
            return;
        }
        Use(await auth.GetMeAsync(ct));
    }

    /// <summary>After the user changed their zone in Settings.</summary>
    public void Use(Me me)
    {
        _me = me;
        Zone = TimeZoneInfo.TryFindSystemTimeZoneById(me.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public DateTime Now => ToLocal(clock.GetUtcNow());

    /// <summary>The zone a browser reported, if it is an IANA zone this server knows (what the Api accepts); otherwise
    /// null, and the account starts in UTC rather than failing the sign-up over a hidden field.</summary>
    public static string? KnownZone(string? reported) =>
        reported is { Length: > 0 and <= 64 } id
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _)
        && TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _)
            ? id
            : null;

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>A wall-clock time in the user's zone as an instant (a time skipped by a DST change moves forward).</summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }
        return new DateTimeOffset(unspecified, Zone.GetUtcOffset(unspecified));
    }
}
