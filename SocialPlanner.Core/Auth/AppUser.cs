using Microsoft.AspNetCore.Identity;

namespace SocialPlanner.Core.Auth;

/// <summary>The spec's <c>users</c> row; Identity's columns live on the same table (we replace Supabase Auth).</summary>
public class AppUser : IdentityUser<Guid>
{
    /// <summary>IANA zone used to place posts on the calendar.</summary>
    public string TimeZone { get; set; } = "UTC";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
