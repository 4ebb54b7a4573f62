using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using SocialPlanner.Web.Features.Ideas;
using SocialPlanner.Web.Features.Posts;
using SocialPlanner.Web.Features.Templates;

namespace SocialPlanner.Tests.Web;

/// <summary>The editor's pieces in a French user's culture (fr-CH, as the Web sets it for <c>fr</c>): their words come
/// from the French resources and their numbers are written the Swiss-French way.</summary>
public sealed class FrenchComponentTests : RadzenTestContext
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-CH");

    [Fact]
    public void The_counter_speaks_French_with_Swiss_thousands()
    {
        using var french = new CultureScope(French);
        var tags = Enumerable.Range(1, 31).Select(i => $"tag{i}").ToList();

        var counter = Render<LimitCounter>(p => p.Add(c => c.Metrics, PostMetrics.Measure(Network.Instagram, "Bonjour", tags)));

        Assert.Equal($"{PostMetrics.Measure(Network.Instagram, "Bonjour", tags).Characters} / {2_200.ToString("N0", French)} caractères",
            counter.Find(".sp-count-characters").TextContent);
        Assert.NotEqual("2,200", 2_200.ToString("N0", French));
        Assert.Equal("31 / 30 hashtags", counter.Find(".sp-count-hashtags").TextContent);
        Assert.Contains("1 hashtag de trop", counter.Markup);
    }

    [Fact]
    public void The_LinkedIn_preview_folds_behind_voir_plus()
    {
        using var french = new CultureScope(French);
        var preview = Render<NetworkPreview>(p => p
            .Add(c => c.Network, Network.LinkedIn)
            .Add(c => c.Content, string.Join(' ', Enumerable.Repeat("Planifier vaut mieux qu’improviser.", 20))));

        Assert.Equal("…voir plus", preview.Find("button.sp-preview-more").TextContent);
        Assert.Equal("Aperçu LinkedIn", preview.Find("section").GetAttribute("aria-label"));
    }

    [Fact]
    public void An_empty_preview_invites_the_text_in_French()
    {
        using var french = new CultureScope(French);
        var preview = Render<NetworkPreview>(p => p.Add(c => c.Network, Network.Instagram));

        Assert.Equal("Votre texte apparaîtra ici.", preview.Find(".sp-preview-empty").TextContent);
    }

    [Fact]
    public void The_conflict_banner_says_when_in_French()
    {
        using var french = new CultureScope(French);
        var banner = Render<ConflictBanner>(p => p.Add(c => c.Visible, true).Add(c => c.TheirsSavedAt, new DateTime(2026, 1, 10, 14, 5, 0)));

        Assert.Contains("Cette publication a été modifiée ailleurs", banner.Markup);
        Assert.Matches(@"à 14:05 pendant que vous la modifiiez\.\s+Vos modifications ne sont pas encore enregistrées\.", banner.Markup);
        Assert.Single(banner.FindAll("button"), b => b.TextContent.Contains("Garder la mienne (écraser)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_post_for_both_networks_without_an_image_is_told_both_rules_as_two_sentences()
    {
        using var french = new CultureScope(French);
        var state = new PostEditorState();
        state.SetPlatform(PostPlatform.Both);

        var media = Render<EditorMedia>(p => p.Add(c => c.State, state));

        Assert.EndsWith("Une publication Instagram nécessite au moins une image : ajoutez-en une ici. Sur LinkedIn, elle peut partir en texte seul.",
            System.Text.RegularExpressions.Regex.Replace(media.Find(".sp-media-hint").TextContent, @"\s+", " ").Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_categories_keep_their_stored_values_as_keys_and_have_a_name_in_each_language()
    {
        using var french = new CultureScope(French);
        var texts = Services.GetRequiredService<IStringLocalizer<TemplatesStrings>>();

        Assert.Equal("Category.etude_cas", TemplateText.CategoryKey(TemplateCategory.EtudeCas));
        Assert.Equal("Category.conseil", TemplateText.CategoryKey(TemplateCategory.Conseil));
        foreach (var category in Enum.GetValues<TemplateCategory>())
        {
            Assert.False(texts[TemplateText.CategoryKey(category)].ResourceNotFound, $"{category} has no name");
        }
        Assert.Equal("Études de cas", TemplateText.Describe(TemplateCategory.EtudeCas, texts));
        using (new CultureScope(CultureInfo.GetCultureInfo("en-GB")))
        {
            Assert.Equal("Case studies", TemplateText.Describe(TemplateCategory.EtudeCas, texts));
            Assert.Equal("Tips", TemplateText.Describe(TemplateCategory.Conseil, texts));
        }
        Assert.Equal("Conseils", TemplateText.Describe(TemplateCategory.Conseil, texts));
    }

    [Fact]
    public void The_AI_choices_are_named_in_French_and_an_unknown_one_shows_as_it_came()
    {
        using var french = new CultureScope(French);
        var texts = Services.GetRequiredService<IStringLocalizer<IdeasStrings>>();

        Assert.Equal("Avec un appel à l’action", AiChoices.Describe("with_cta", texts));
        Assert.Equal(["professionnel", "décontracté", "inspirant"], AiChoices.Tones.Select(t => AiChoices.Describe(t, texts)));
        Assert.Equal("Storytelling", AiChoices.Describe("storytelling", texts));
    }

    /// <summary>The test's thread in <paramref name="culture"/> until disposed, as a circuit of a user of that language is.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture) => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);

        public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
    }
}
