using System.Net.Http.Headers;

namespace SocialPlanner.Core.Social;

public static class RetryAfter
{
    /// <summary>The wait a <c>Retry-After</c> header asks for, in either of its forms (seconds or a date).</summary>
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
