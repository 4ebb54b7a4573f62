namespace SocialPlanner.Core.Posts;

/// <summary>Names the resources of the platform rules' messages (<see cref="PlatformRules"/>, <see cref="FirstComments"/>).</summary>
public sealed class PostRulesStrings;
