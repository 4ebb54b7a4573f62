namespace SocialPlanner.Sandbox.Faults;

/// <summary>
/// One armed fault, as posted to <c>/sandbox/faults</c>. Status, delay and hang combine:
/// e.g. <c>delay_ms</c> + <c>status</c> answers the error late; <c>after_success</c> performs the
/// real operation first, which is how a test produces the ambiguous "did it publish?" case.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Operation key such as <c>linkedin.posts</c>; see the sandbox home page for the list.</summary>
    public required string Endpoint { get; init; }

    public int Times { get; init; } = 1;

    /// <summary>Between 0 and 1: each matching call draws, and the fault applies (spending one of <see cref="Times"/>)
    /// only with this probability; unset, every matching call takes it. How a chaos run makes ~20 % of calls fail.</summary>
    public double? Probability { get; init; }

    /// <summary>How many matching calls pass untouched before the fault applies: how a test fails the third item of
    /// a carousel, or the second image of a multi-image post.</summary>
    public int Skip { get; init; }

    public int? Status { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public int? DelayMs { get; init; }

    public bool Hang { get; init; }

    public bool AfterSuccess { get; init; }

    /// <summary>Raw response body replacing the platform's usual error body.</summary>
    public string? Body { get; init; }

    /// <summary>OpenAI only: answer 200 with content that is not valid JSON.</summary>
    public bool MalformedJson { get; init; }

    /// <summary>Platform-specific error number: LinkedIn <c>serviceErrorCode</c>, Graph <c>code</c>.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Graph <c>error_subcode</c>.</summary>
    public int? ErrorSubcode { get; init; }

    /// <summary>Restricts the fault to one caller: an access token, LinkedIn member id/URN or Instagram user id.</summary>
    public string? User { get; init; }

    public bool AnswersWithError => Status is not null || Body is not null || MalformedJson;
}
