using System.Text;

namespace SocialPlanner.Core.Social;

/// <summary>LinkedIn's <c>commentary</c> is "little text": an unescaped reserved character silently truncates the
/// post even though the API answers 201 (platform-apis §1.10).</summary>
public static class LittleText
{
    private const string Reserved = @"\|{}@[]()<>#*_~";

    /// <summary>Prefixes each of the 15 reserved characters with a backslash so the text appears literally.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Reserved.Contains(c))
            {
                builder.Append('\\');
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The post's text escaped, followed by its hashtags as hashtag elements (clickable on LinkedIn).
    /// Tags the text already contains are not repeated.</summary>
    public static string Commentary(string content, IEnumerable<string> hashtags)
    {
        var tags = Posts.PlatformRules.MissingHashtags(content, hashtags)
            .Select(tag => $@"{{hashtag|\#|{Escape(tag)}}}")
            .ToList();
        var text = Escape(content.TrimEnd());
        return tags.Count == 0 ? text : $"{text}\n\n{string.Join(' ', tags)}";
    }
}
