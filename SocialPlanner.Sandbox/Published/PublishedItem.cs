namespace SocialPlanner.Sandbox.Published;

/// <summary>
/// One post as the platform's audience would see it. <see cref="RequestCount"/> counts every
/// publish request that resolved to this post (duplicates included), so tests can prove exactly-once.
/// <see cref="TraceId"/>: the W3C trace id the creating request carried (its <c>traceparent</c> header), so tests can
/// follow a post's trace from the schedule request to the platform. <see cref="Images"/>: every image of the post in
/// the order the audience swipes or sees them (a carousel's or multi-image post's); <see cref="ImageId"/> is the first.
/// <see cref="Comments"/>: the comments the app posted on it, in order (a first comment posted twice shows twice).
/// </summary>
public sealed record PublishedItem(
    string Platform,
    string Account,
    string ExternalId,
    string Text,
    string? ImageId,
    string? ImageInfo,
    DateTimeOffset PublishedAt,
    int RequestCount,
    string? TraceId = null,
    IReadOnlyList<PublishedImage>? Images = null,
    IReadOnlyList<PublishedComment>? Comments = null)
{
    /// <summary>The trace id of a <c>traceparent</c> header (<c>00-{trace id}-{span id}-{flags}</c>), null if absent or malformed.</summary>
    public static string? TraceIdOf(HttpRequest request) =>
        request.Headers["traceparent"].ToString().Split('-') is [_, { Length: 32 } traceId, _, _] ? traceId : null;
}

/// <summary>One image of a published post: its id on the platform (Instagram: the URL it was fetched from) and what it is.</summary>
public sealed record PublishedImage(string Id, string? Info);

/// <summary>A comment the app posted on a published post.</summary>
public sealed record PublishedComment(string Id, string Text, DateTimeOffset At);
