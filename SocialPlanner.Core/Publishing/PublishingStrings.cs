using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Core.Publishing;

/// <summary>Names the publishing resources (<c>PublishingStrings.resx</c>, <c>PublishingStrings.fr.resx</c>): the emails,
/// and why a publication failed (<c>Failure.*</c>), which the Worker stores in every language.</summary>
public sealed class PublishingStrings
{
    /// <summary>A failure reason of the resources' <c>Failure.*</c> keys.</summary>
    public static Sentence Failure(string key, params object?[] values) => Sentence.Of<PublishingStrings>("Failure." + key, values);
}
