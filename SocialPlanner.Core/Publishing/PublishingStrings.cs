namespace SocialPlanner.Core.Publishing;

/// <summary>Names the publishing emails' resources (<c>PublishingStrings.resx</c>, <c>PublishingStrings.fr.resx</c>).</summary>
public sealed class PublishingStrings;
