using System.Globalization;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Tests.Localisation;

/// <summary>The server's texts that need no running app: the Core's rules follow the current culture, a user's
/// culture is put back once their text is written, and the AI's system prompt names the user's language.</summary>
public sealed class ServerTextsTests
{
    private static readonly string TooLong = new('a', 3_001);

    [Fact]
    public void The_Core_rules_speak_the_users_culture_while_it_is_in_use_and_the_previous_one_after()
    {
        var before = CultureInfo.CurrentUICulture;
        var french = CultureInfo.GetCultureInfo("fr-CH");
        string inFrench;
        using (UserCulture.Use("fr"))
        {
            Assert.Equal("fr-CH", CultureInfo.CurrentCulture.Name);
            inFrench = Assert.Single(PlatformRules.TextViolations(PostPlatform.Linkedin, TooLong, []));
            Assert.Equal(["Les images Instagram doivent mesurer au moins 320 px de large ; cette image mesure 300 px"],
                MediaRules.InstagramImageProblems(300, 300));
        }

        Assert.Equal(
            $"Les publications LinkedIn sont limitées à {3_000.ToString("N0", french)} caractères (celle-ci en compte {3_001.ToString("N0", french)})",
            inFrench);
        Assert.Equal(before, CultureInfo.CurrentUICulture);
        using (UserCulture.Use("en"))
        {
            Assert.Equal("LinkedIn posts are limited to 3,000 characters (this one has 3,001)",
                Assert.Single(PlatformRules.TextViolations(PostPlatform.Linkedin, TooLong, [])));
        }
    }

    [Theory]
    [InlineData("fr", "Write in French unless")]
    [InlineData("en", "Write in English unless")]
    [InlineData("de", "Write in English unless")]
    public void The_AI_is_told_the_users_language_and_to_follow_the_users_own_text(string language, string expected)
    {
        var prompt = AiPrompts.Ideas(new IdeasBrief("boulangerie artisanale", ["pain"], 10, language));

        Assert.StartsWith("[system]", prompt.Text, StringComparison.Ordinal);
        Assert.Contains(expected, prompt.Text, StringComparison.Ordinal);
        Assert.Contains("then write in that language", prompt.Text, StringComparison.Ordinal);
    }
}
