namespace SocialPlanner.Core.Insights;

/// <summary>Names the resources of what Insights tells the user in words (<c>InsightsStrings.resx</c>,
/// <c>InsightsStrings.fr.resx</c>): the best-time explanation and why a network's figures are unavailable.</summary>
public sealed class InsightsStrings;
