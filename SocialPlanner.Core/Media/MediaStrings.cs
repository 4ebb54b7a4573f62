namespace SocialPlanner.Core.Media;

/// <summary>Names the resources of the media checks' messages (<see cref="MediaRules"/>, <see cref="MediaFormats"/>,
/// <see cref="MediaInspector"/>, <see cref="MediaUrlSigner"/>).</summary>
public sealed class MediaStrings;
