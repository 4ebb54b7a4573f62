namespace SocialPlanner.Core.Ai;

public enum AiFailure
{
    /// <summary>The provider is down or overloaded (503, 5xx without a fallback, unreachable) or still rate limits
    /// us after every back-off: try again later.</summary>
    Unavailable,

    /// <summary>The provider answered, twice, with something that is not our JSON contract.</summary>
    BadOutput,
}

/// <summary>A generation that failed, carrying what its audit row needs.</summary>
public sealed class AiGenerationException(AiFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public AiFailure Failure { get; } = failure;

    public string Model { get; init; } = "";

    public string Prompt { get; init; } = "";

    public string Response { get; init; } = "";

    public int TokensUsed { get; init; }

    public int DurationMs { get; init; }
}

/// <summary>Raised by the provider policy; the generator completes it into an <see cref="AiGenerationException"/>.</summary>
public sealed class AiProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
