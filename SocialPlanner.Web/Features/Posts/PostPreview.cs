using System.Globalization;

namespace SocialPlanner.Web.Features.Posts;

/// <summary>A piece of preview text; hashtags are drawn as links the way both feeds show them.</summary>
public sealed record PreviewSegment(string Text, bool IsHashtag);

/// <summary>What a feed shows before the reader expands the post (its "see more" link is worded by the preview, in the user's language).</summary>
public sealed record PreviewText(IReadOnlyList<PreviewSegment> Segments, bool IsFolded);

public static class PostPreview
{
    /// <summary>The published text as the network's feed shows it, folded unless <paramref name="expanded"/>.</summary>
    public static PreviewText Render(NetworkRules rules, string content, IReadOnlyCollection<string> hashtags, bool expanded)
    {
        var text = PostMetrics.PublishedText(content, hashtags).Trim();
        var shown = expanded ? text : Fold(text, rules.FoldAfterCharacters, rules.FoldAfterLines);
        return new PreviewText(Segments(shown), shown.Length < text.Length);
    }

    /// <summary>The first lines up to the character budget, cut at a word and never inside an emoji.</summary>
    public static string Fold(string text, int maxCharacters, int maxLines)
    {
        var lines = text.Split('\n');
        var head = string.Join('\n', lines.Take(maxLines));
        var elements = new StringInfo(head);
        if (elements.LengthInTextElements <= maxCharacters)
        {
            return head.TrimEnd();
        }
        var cut = elements.SubstringByTextElements(0, maxCharacters);
        var lastSpace = cut.LastIndexOfAny([' ', '\n']);
        // Cut at the last word boundary unless that would throw away most of the budget (one very long word).
        return (lastSpace > maxCharacters / 2 ? cut[..lastSpace] : cut).TrimEnd();
    }

    public static IReadOnlyList<PreviewSegment> Segments(string text)
    {
        var segments = new List<PreviewSegment>();
        var position = 0;
        foreach (System.Text.RegularExpressions.Match match in PostMetrics.HashtagPattern().Matches(text))
        {
            if (match.Index > position)
            {
                segments.Add(new PreviewSegment(text[position..match.Index], false));
            }
            segments.Add(new PreviewSegment(match.Value, true));
            position = match.Index + match.Length;
        }
        if (position < text.Length)
        {
            segments.Add(new PreviewSegment(text[position..], false));
        }
        return segments;
    }
}
