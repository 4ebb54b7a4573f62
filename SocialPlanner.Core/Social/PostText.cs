namespace SocialPlanner.Core.Social;

/// <summary>How a post's text and hashtag list become one platform text.</summary>
public static class PostText
{
    /// <summary>Instagram's caption: the text, then the hashtags it doesn't already contain.</summary>
    public static string Caption(string content, IEnumerable<string> hashtags)
    {
        var tags = MissingHashtags(content, hashtags).Select(t => "#" + t).ToList();
        var text = content.TrimEnd();
        return tags.Count == 0 ? text : $"{text}\n\n{string.Join(' ', tags)}";
    }

    /// <summary>Tag names without their '#', de-duplicated, minus those already written in the text.</summary>
    public static IEnumerable<string> MissingHashtags(string content, IEnumerable<string> hashtags) =>
        hashtags
            .Select(t => t.Trim().TrimStart('#', '＃'))
            .Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(t => !ContainsTag(content, t));

    private static bool ContainsTag(string content, string tag)
    {
        var needle = "#" + tag;
        for (var at = content.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = content.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + needle.Length;
            if (end == content.Length || !(char.IsLetterOrDigit(content[end]) || content[end] == '_'))
            {
                return true;
            }
        }
        return false;
    }
}
