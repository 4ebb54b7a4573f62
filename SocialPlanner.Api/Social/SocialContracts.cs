using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Social;

public sealed record AuthorizationDto(Uri AuthorizationUrl);

public sealed record ProfileDto(string Id, string? Name);

public sealed record ConnectedDto(bool Connected, ProfileDto Profile);

/// <summary>A connection as the user may see it: never a token.</summary>
public sealed record ConnectionDto(
    SocialPlatform Platform, string ProfileId, string? ProfileName, DateTimeOffset ExpiresAt, IReadOnlyList<string> Scopes,
    bool IsActive, bool ReconnectNeeded, DateTimeOffset? LastUsedAt, string? ProfilePictureUrl);

public sealed record PublishNowRequest(Guid? PostId);

public sealed record LinkedInPublishedDto(bool Published, string? LinkedinPostId, DateTimeOffset? PublishedAt);

public sealed record InstagramPublishedDto(bool Published, string? InstagramMediaId, DateTimeOffset? PublishedAt);

/// <summary>A publication still under way when "publish now" stopped waiting.</summary>
public sealed record PublicationStateDto(
    Guid PostId, SocialPlatform Platform, PublicationStatus Status, int Attempts, DateTimeOffset DueAt, string? ErrorMessage);

public sealed record SweepDto(int ReleasedLeases, int Overdue, int RepairedPosts, int DueNow);
