using System.Text;
using System.Text.RegularExpressions;

namespace SocialPlanner.Sandbox.LinkedIn;

/// <summary>
/// LinkedIn's "little text" commentary format (platform-apis.md §1.10). Reproduces the silent
/// truncation at the first unescaped reserved character that does not start a valid element,
/// because that is the bug our escaper exists to prevent.
/// </summary>
public static partial class LittleText
{
    private const string Reserved = "\\|{}@[]()<>#*_~";

    /// <param name="Kept">the commentary LinkedIn stores (a prefix of what was sent)</param>
    /// <param name="Visible">what readers see, with elements rendered and escapes removed</param>
    public sealed record Rendering(string Kept, string Visible, bool Truncated);

    public static Rendering Render(string raw)
    {
        var visible = new StringBuilder();
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                visible.Append(raw[i + 1]);
                i += 2;
                continue;
            }

            if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                var element = c switch
                {
                    '@' => Mention().Match(raw, i),
                    '{' => Hashtag().Match(raw, i),
                    _ => Match.Empty,
                };
                if (!element.Success)
                {
                    return new Rendering(raw[..i], visible.ToString(), Truncated: true);
                }

                visible.Append(c == '@' ? element.Groups["name"].Value : "#" + element.Groups["tag"].Value);
                i += element.Length;
                continue;
            }

            visible.Append(c);
            i++;
        }

        return new Rendering(raw, visible.ToString(), Truncated: false);
    }

    [GeneratedRegex(@"\G@\[(?<name>[^\]]*)\]\(urn:li:(person|organization):[^)]+\)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\G\{hashtag\|\\?[#＃]\|(?<tag>[^}]+)\}")]
    private static partial Regex Hashtag();
}
