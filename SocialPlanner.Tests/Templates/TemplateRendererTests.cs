using SocialPlanner.Core.Templates;

namespace SocialPlanner.Tests.Templates;

public class TemplateRendererTests
{
    private static readonly Dictionary<string, string> None = [];

    private static TemplateRendering Render(string content, Dictionary<string, string> supplied, Dictionary<string, string>? defaults = null,
        List<string>? hashtags = null) =>
        TemplateRenderer.Render(content, hashtags ?? [], defaults ?? None, supplied);

    [Fact]
    public void Every_variable_is_replaced()
    {
        var result = Render("🎯 Conseil du {{day_name}} : {{topic}}", new() { ["day_name"] = "lundi", ["topic"] = "productivité" });

        Assert.True(result.Succeeded);
        Assert.Equal("🎯 Conseil du lundi : productivité", result.Content);
    }

    [Fact]
    public void All_missing_variables_are_listed_in_order()
    {
        var result = Render("{{a}} {{b}} {{c}} {{b}}", new() { ["b"] = "x" });

        Assert.False(result.Succeeded);
        Assert.Equal(["a", "c"], result.Missing);
    }

    [Fact]
    public void Repeated_and_adjacent_variables_are_all_replaced()
    {
        var result = Render("{{a}}{{b}}{{a}}-{{ a }}", new() { ["a"] = "1", ["b"] = "2" });

        Assert.Equal("121-1", result.Content);
    }

    [Fact]
    public void Whitespace_inside_the_braces_is_allowed()
    {
        var result = Render("{{ topic }} / {{\ttopic\t}} / {{topic}}", new() { ["topic"] = "IA" });

        Assert.Equal("IA / IA / IA", result.Content);
    }

    [Fact]
    public void Braces_in_values_are_inserted_literally_and_never_expanded()
    {
        var result = Render("{{a}} and {{b}}", new() { ["a"] = "{{b}}", ["b"] = "$1 {{a}} \\n" });

        Assert.Equal("{{b}} and $1 {{a}} \\n", result.Content);
    }

    [Fact]
    public void Unicode_names_and_values_work_whatever_their_normalisation()
    {
        var decomposed = "thème".Normalize(System.Text.NormalizationForm.FormD);
        var result = Render("{{thème}} · {{日付}} · {{Ünïcödé}}", new() { [decomposed] = "café ☕", ["日付"] = "月曜日", ["Ünïcödé"] = "👍🏽" });

        Assert.True(result.Succeeded);
        Assert.Equal("café ☕ · 月曜日 · 👍🏽", result.Content);
    }

    [Fact]
    public void Names_are_case_sensitive() =>
        Assert.Equal(["Topic"], Render("{{Topic}}", new() { ["topic"] = "x" }).Missing);

    [Fact]
    public void Unknown_supplied_names_are_rejected()
    {
        var result = Render("{{topic}}", new() { ["topic"] = "x", ["topik"] = "y" });

        Assert.False(result.Succeeded);
        Assert.Equal(["topik"], result.Unknown);
    }

    [Fact]
    public void Declared_variables_may_be_supplied_even_when_the_content_does_not_use_them()
    {
        var result = Render("{{topic}}", new() { ["topic"] = "x", ["hashtag"] = "y" }, defaults: new() { ["hashtag"] = "" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Non_empty_defaults_fill_what_is_not_supplied_and_empty_ones_do_not()
    {
        var defaults = new Dictionary<string, string> { ["day_name"] = "lundi", ["topic"] = "" };

        Assert.Equal("lundi: x", Render("{{day_name}}: {{topic}}", new() { ["topic"] = "x" }, defaults).Content);
        Assert.Equal("mardi: x", Render("{{day_name}}: {{topic}}", new() { ["topic"] = "x", ["day_name"] = "mardi" }, defaults).Content);
        Assert.Equal(["topic"], Render("{{day_name}}: {{topic}}", [], defaults).Missing);
    }

    [Fact]
    public void Hashtags_are_filled_too()
    {
        var result = Render("Post", new() { ["tag"] = "IA" }, hashtags: ["{{tag}}", "Tech"]);

        Assert.Equal(["IA", "Tech"], result.Hashtags);
    }

    [Theory]
    [InlineData("{{}}")]
    [InlineData("{ {topic} }")]
    [InlineData("{{two words}}")]
    [InlineData("{topic}")]
    public void Things_that_are_not_placeholders_stay_as_they_are(string content)
    {
        var result = Render(content, []);

        Assert.True(result.Succeeded);
        Assert.Equal(content, result.Content);
    }

    [Fact]
    public void Triple_braces_keep_the_outer_ones() =>
        Assert.Equal("{x}", Render("{{{a}}}", new() { ["a"] = "x" }).Content);
}
