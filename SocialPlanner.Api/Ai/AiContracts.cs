using SocialPlanner.Core.Ai;

namespace SocialPlanner.Api.Ai;

public sealed record GenerateIdeasRequest(string? Context, List<string>? Themes, int? Count);

public sealed record IdeaInput(string? Title, string? Description);

public sealed record GeneratePostRequest(IdeaInput? Idea, string? Platform, string? Tone, string? Length);

public sealed record GenerateVariantsRequest(Guid? PostId, List<string>? Variations);

public sealed record IdeaResponse(string Id, string Title, string Description, AiPlatform TargetPlatform, Engagement EstimatedEngagement);

public sealed record IdeasResponse(IReadOnlyList<IdeaResponse> Ideas, Guid GenerationId, int TokensUsed, int DurationMs);

public sealed record QuotaMeta(int QuotaUsed, int QuotaRemaining, string QuotaResetsAt);

/// <summary><c>character_count</c> counts what a reader sees as characters (text elements: an emoji counts
/// once), the way LinkedIn and Instagram count against their limits.</summary>
public sealed record PostResponse(string Content, IReadOnlyList<string> Hashtags, int CharacterCount, Guid GenerationId, int TokensUsed, int DurationMs);

public sealed record VariantResponse(string Id, string Content, string VariationType);

public sealed record VariantsResponse(IReadOnlyList<VariantResponse> Variants, Guid GenerationId);

public sealed record StreamDelta(string Text);

public sealed record StreamRestart(string Reason);
