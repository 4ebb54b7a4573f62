namespace SocialPlanner.Api.Infrastructure;

/// <summary>The spec's success shape: <c>{ "data": …, "meta": … }</c>.</summary>
public sealed record Envelope<T>(T Data, object? Meta = null);

public static class Envelope
{
    public static Envelope<T> Of<T>(T data, object? meta = null) => new(data, meta);
}
