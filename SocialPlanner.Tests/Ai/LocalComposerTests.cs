using System.Text.Json;
using Microsoft.Extensions.AI;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Ai.Composer;

namespace SocialPlanner.Tests.Ai;

public class LocalComposerTests
{
    private static readonly IdeasBrief FrenchIdeas = new("accompagnement tech entrepreneurs", ["productivité", "IA", "digital"], 15);
    private static readonly IdeasBrief EnglishIdeas = new("coaching for freelance designers", ["pricing", "client onboarding"], 12);

    [Fact]
    public void Ideas_honour_the_count_are_distinct_and_cover_every_theme()
    {
        foreach (var brief in new[] { FrenchIdeas, EnglishIdeas })
        {
            var ideas = IdeaComposer.Compose(brief).Ideas;

            Assert.Equal(brief.Count, ideas.Count);
            Assert.Equal(ideas.Count, ideas.Select(i => i.Title).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(brief.Themes, theme => Assert.Contains(ideas, i => i.Title.Contains(theme, StringComparison.OrdinalIgnoreCase)));
            Assert.All(ideas, i => Assert.True(i.Description.Length > 40, i.Description));
            Assert.True(ideas.Select(i => i.TargetPlatform).Distinct().Count() > 1, "ideas should suit both platforms");
        }
    }

    [Fact]
    public void Ideas_mention_the_audience_understood_from_the_business_context()
    {
        var ideas = IdeaComposer.Compose(EnglishIdeas).Ideas;

        Assert.True(ideas.Count(i => (i.Title + i.Description).Contains("freelance designers", StringComparison.Ordinal)) >= ideas.Count / 2);
    }

    [Theory]
    [InlineData("Je coache des entrepreneurs tech à Lausanne pour qu'ils vendent mieux", "des entrepreneurs tech à Lausanne", "le coaching")]
    [InlineData("J'accompagne les PME romandes dans leur transformation digitale", "les PME romandes", "la transformation digitale")]
    [InlineData("accompagnement tech entrepreneurs", "des entrepreneurs tech", "l'accompagnement")]
    [InlineData("Nous aidons les indépendants à trouver des clients", "les indépendants", "l'accompagnement")]
    [InlineData("Je forme les équipes marketing à l'IA", "les équipes marketing", "la formation")]
    [InlineData("Je conseille des startups en stratégie digitale", "des startups", "le conseil")]
    [InlineData("Je suis coach pour entrepreneurs", "des entrepreneurs", "le coaching")]
    [InlineData("Coach pour indépendants", "des indépendants", "le coaching")]
    [InlineData("coaching de dirigeants", "des dirigeants", "le coaching")]
    [InlineData("coaching des dirigeants de PME", "les dirigeants de PME", "le coaching")]
    [InlineData("Formation pour les PME", "les PME", "la formation")]
    [InlineData("accompagnement des jeunes entrepreneurs", "les jeunes entrepreneurs", "l'accompagnement")]
    [InlineData("Je crée des sites web pour les artisans", "les artisans", "la création de sites web")]
    [InlineData("Je vends des bijoux aux particuliers", "les particuliers", "la vente de bijoux")]
    [InlineData("Je suis consultante en marketing digital auprès des PME", "les PME", "le marketing digital")]
    [InlineData("pâtisserie artisanale", null, "la pâtisserie artisanale")]
    [InlineData("I help freelance designers price their work", "freelance designers", "pricing their work")]
    [InlineData("coaching for freelance designers", "freelance designers", "coaching")]
    [InlineData("I coach founders", "founders", "coaching")]
    [InlineData("We train sales teams in Geneva", "sales teams in Geneva", "training")]
    [InlineData("I build websites for small businesses", "small businesses", "building websites")]
    [InlineData("I help startups with their marketing", "startups", "their marketing")]
    [InlineData("I'm a coach for women entrepreneurs", "women entrepreneurs", "coaching")]
    [InlineData("Freelance designers", "freelance designers", null)]
    [InlineData("web design for startups", "startups", "web design")]
    [InlineData("", null, null)]
    [InlineData("???", null, null)]
    [InlineData("hello world", null, null)]
    public void The_business_sentence_is_understood_as_an_audience_and_an_offer(string sentence, string? audience, string? offer)
    {
        var business = Business.Read(sentence, LanguageDetector.Detect(sentence));

        Assert.Equal(audience, business.Audience?.ToString());
        Assert.Equal(offer, business.Offer?.ToString());
    }

    [Theory]
    [InlineData("les PME", "des PME", "aux PME")]
    [InlineData("le coaching", "du coaching", "au coaching")]
    [InlineData("la vente", "de la vente", "à la vente")]
    [InlineData("l'IA", "de l'IA", "à l'IA")]
    [InlineData("des entrepreneurs", "d'entrepreneurs", "à des entrepreneurs")]
    [InlineData("LinkedIn", "de LinkedIn", "à LinkedIn")]
    [InlineData("Instagram", "d'Instagram", "à Instagram")]
    public void French_phrases_join_de_and_a_with_contraction_and_elision(string phrase, string afterDe, string afterA)
    {
        var parsed = FrenchGrammar.Phrase(phrase);

        Assert.Equal(afterDe, parsed.De);
        Assert.Equal(afterA, parsed.A);
    }

    [Theory]
    [InlineData("IA", "l'IA", "d'IA")]
    [InlineData("productivité", "la productivité", "de productivité")]
    [InlineData("digital", "le digital", "de digital")]
    [InlineData("pricing", "le pricing", "de pricing")]
    [InlineData("réseaux sociaux", "les réseaux sociaux", "de réseaux sociaux")]
    [InlineData("Marketing", "le marketing", "de marketing")]
    public void A_French_theme_gets_the_article_its_gender_and_number_ask_for(string theme, string named, string asComplement)
    {
        var phrase = FrenchGrammar.Phrase(theme);

        Assert.Equal(named, phrase.ToString());
        Assert.Equal(asComplement, phrase.DeWithoutArticle);
    }

    public static TheoryData<string, string[], string?> Sentences => new()
    {
        { "Je coache des entrepreneurs tech à Lausanne pour qu'ils vendent mieux", ["productivité", "IA"], "entrepreneurs tech à Lausanne" },
        { "J'accompagne les PME romandes dans leur transformation digitale", ["digital", "IA", "réseaux sociaux"], "PME romandes" },
        { "accompagnement tech entrepreneurs", ["productivité", "IA", "digital"], "entrepreneurs tech" },
        { "Je forme les équipes à l'IA", [], "équipes" },
        { "pâtisserie artisanale à Lausanne", ["Instagram", "vente"], null },
        { "I help freelance designers price their work", ["pricing", "AI"], "freelance designers" },
        { "coaching for freelance designers", ["pricing", "client onboarding"], "freelance designers" },
        { "We help SMEs in Romandy go digital", [], "SMEs in Romandy" },
        { "", ["productivité", "IA"], null },
        { "", ["pricing"], null },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Ideas_posts_and_variants_read_as_grammatical_text_about_the_understood_audience(string context, string[] themes, string? audience)
    {
        var ideas = IdeaComposer.Compose(new IdeasBrief(context, themes, IdeaComposer.MaxCount)).Ideas;
        var texts = ideas.SelectMany(i => new[] { i.Title, i.Description }).ToList();
        foreach (var idea in ideas)
        {
            foreach (var (platform, tone, length) in new[] { (AiPlatform.Linkedin, AiTone.Professional, AiLength.Long), (AiPlatform.Instagram, AiTone.Casual, AiLength.Medium), (AiPlatform.Linkedin, AiTone.Inspirational, AiLength.Short) })
            {
                var post = PostComposer.Compose(new PostBrief(idea.Title, idea.Description, platform, tone, length));
                texts.Add(post.Content);
                texts.AddRange(VariantComposer.Compose(new VariantsBrief(post.Content, post.Hashtags, platform, VariationTypes.All)).Variants.Select(v => v.Content));
            }
        }

        Assert.All(texts, text => AssertReadsWell(text, context));
        if (audience is not null)
        {
            Assert.True(ideas.Count(i => (i.Title + i.Description).Contains(audience, StringComparison.Ordinal)) >= ideas.Count / 2, audience);
        }
    }

    /// <summary>What the old composer wrote by pasting the sentence ("un vrai projet de Je coache…") and the French a
    /// careless insertion produces ("de le", "à les", "de IA").</summary>
    private static void AssertReadsWell(string text, string context)
    {
        var firstPerson = new[] { "Je coache", "J'accompagne", "Je forme", "I help", "We help", "je coache", "j'accompagne" };
        Assert.DoesNotContain(firstPerson, p => text.Contains(p, StringComparison.Ordinal));
        // A noun phrase may be the offer itself ("pâtisserie artisanale"); a sentence is never pasted whole.
        if (context.Split(' ')[0] is "Je" or "J'accompagne" or "Nous" or "I" or "We")
        {
            Assert.DoesNotContain(context, text, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"(?i)\b(de|à) les?\b", text);
        Assert.DoesNotMatch(@"(?i)\bde des\b", text);
        Assert.DoesNotMatch(@"(?i)\bde [aeiouéèêàâîôû]", text);
        Assert.DoesNotMatch(@"(?<![-\p{L}])(le|la) [aeiouéèêàâîôûAEIOUÉÈ]", text);
        foreach (var wrong in new[] { "  ", " ,", "..", " .", ",,", "?.", "!." })
        {
            Assert.DoesNotContain(wrong, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void French_input_gives_French_ideas_and_English_input_English_ones()
    {
        var french = IdeaComposer.Compose(FrenchIdeas).Ideas;
        var english = IdeaComposer.Compose(EnglishIdeas).Ideas;

        Assert.All(french, i => Assert.Equal(Language.French, LanguageDetector.Detect(i.Description)));
        Assert.All(english, i => Assert.Equal(Language.English, LanguageDetector.Detect(i.Description)));
    }

    [Fact]
    public void The_same_brief_composes_the_same_ideas_and_another_brief_other_ones()
    {
        Assert.Equal(AiJson.Serialize(IdeaComposer.Compose(FrenchIdeas)), AiJson.Serialize(IdeaComposer.Compose(FrenchIdeas)));
        var other = IdeaComposer.Compose(FrenchIdeas with { Context = "coaching de dirigeants" });
        Assert.NotEqual(AiJson.Serialize(IdeaComposer.Compose(FrenchIdeas)), AiJson.Serialize(other));
    }

    [Theory]
    [InlineData(AiPlatform.Linkedin, AiLength.Short)]
    [InlineData(AiPlatform.Linkedin, AiLength.Medium)]
    [InlineData(AiPlatform.Linkedin, AiLength.Long)]
    [InlineData(AiPlatform.Instagram, AiLength.Short)]
    [InlineData(AiPlatform.Instagram, AiLength.Long)]
    public void A_post_has_hook_body_call_to_action_and_hashtags_within_the_platform_limit(AiPlatform platform, AiLength length)
    {
        var brief = new PostBrief("5 AI tools to save 10 hours a week", "Present the best AI tools to automate repetitive tasks for freelancers.",
            platform, AiTone.Professional, length);

        var post = PostComposer.Compose(brief);

        var paragraphs = post.Content.Split("\n\n");
        Assert.True(paragraphs.Length >= 3, post.Content);
        Assert.Contains("AI tools", paragraphs[0], StringComparison.Ordinal);
        Assert.Contains(Phrases.English.Ctas[platform], cta => post.Content.EndsWith(cta, StringComparison.Ordinal));
        Assert.NotEmpty(post.Hashtags);
        Assert.All(post.Hashtags, h => Assert.DoesNotContain('#', h));
        Assert.True(AiLimits.Fits(platform, post.Content, post.Hashtags));
        Assert.Contains(post.Hashtags, h => h is "Tools" or "Automate" or "Repetitive" or "Freelancers" or "Hours");
    }

    [Fact]
    public void Longer_lengths_write_longer_posts()
    {
        static int Size(AiLength length) => PostComposer.Compose(new PostBrief("Pricing your services", "How to set prices that reflect your value.",
            AiPlatform.Linkedin, AiTone.Casual, length)).Content.Length;

        Assert.True(Size(AiLength.Short) < Size(AiLength.Medium));
        Assert.True(Size(AiLength.Medium) < Size(AiLength.Long));
    }

    [Fact]
    public void A_huge_idea_still_yields_a_post_within_the_Instagram_limit()
    {
        var description = string.Join(' ', Enumerable.Repeat("This sentence describes the idea in far too much detail for a caption.", 28));
        var post = PostComposer.Compose(new PostBrief("An idea", description, AiPlatform.Instagram, AiTone.Inspirational, AiLength.Long));

        Assert.True(AiLimits.Fits(AiPlatform.Instagram, post.Content, post.Hashtags));
        Assert.InRange(post.Hashtags.Count, 1, AiLimits.InstagramMaxHashtags);
    }

    [Fact]
    public void A_French_idea_gives_a_French_post()
    {
        var post = PostComposer.Compose(new PostBrief("5 outils IA pour gagner 10h par semaine",
            "Présenter les meilleurs outils IA pour automatiser les tâches répétitives des indépendants.", AiPlatform.Linkedin, AiTone.Professional, AiLength.Medium));

        Assert.Equal(Language.French, LanguageDetector.Detect(post.Content));
    }

    [Fact]
    public void Variants_differ_from_each_other_and_from_the_original_and_obey_their_type()
    {
        var original = PostComposer.Compose(new PostBrief("Client onboarding that clients love", "A simple onboarding sequence that sets expectations in week one.",
            AiPlatform.Linkedin, AiTone.Professional, AiLength.Medium)).Content;
        var brief = new VariantsBrief(original, [], AiPlatform.Linkedin, VariationTypes.All);

        var variants = VariantComposer.Compose(brief).Variants.ToDictionary(v => v.VariationType, v => v.Content);

        Assert.Equal(VariationTypes.All.Count, variants.Values.Distinct().Count());
        Assert.DoesNotContain(original, variants.Values);
        Assert.True(variants[VariationTypes.Shorter].Length < original.Length);
        Assert.True(variants[VariationTypes.Longer].Length > original.Length);
        Assert.Contains(Phrases.English.Ctas[AiPlatform.Linkedin], cta => variants[VariationTypes.WithCta].EndsWith(cta, StringComparison.Ordinal));
        Assert.EndsWith("?", variants[VariationTypes.WithQuestion].Split("\n\n")[0], StringComparison.Ordinal);
        Assert.StartsWith(Phrases.English.CasualOpener, variants[VariationTypes.MoreCasual], StringComparison.Ordinal);
        Assert.DoesNotContain("👉", variants[VariationTypes.MoreProfessional], StringComparison.Ordinal);
        Assert.All(variants.Values, v => Assert.True(AiLimits.Fits(AiPlatform.Linkedin, v, [])));
        Assert.True(AnswerRules.Variants(new VariantsAnswer([.. variants.Select(v => new VariantDraft(v.Key, v.Value))]), brief).Problem is null);
    }

    [Fact]
    public void A_French_post_gets_French_variants()
    {
        var original = "Nous avons tous trop de réunions.\n\nCependant, une règle simple aide : pas de réunion sans ordre du jour.\n\nEt vous, quelle est votre règle ?";

        var variants = VariantComposer.Compose(new VariantsBrief(original, [], AiPlatform.Instagram, VariationTypes.Default)).Variants;

        Assert.All(variants, v => Assert.Equal(Language.French, LanguageDetector.Detect(v.Content)));
        var casual = variants.Single(v => v.VariationType == VariationTypes.MoreCasual).Content;
        Assert.Contains("On a tous", casual, StringComparison.Ordinal);
        Assert.Contains("Mais une règle", casual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_composer_answers_the_prompts_in_the_JSON_contract_with_usage_as_local_composer()
    {
        using IChatClient composer = new LocalComposerChatClient();
        var prompt = AiPrompts.Ideas(FrenchIdeas);

        var response = await composer.GetResponseAsync(prompt.Messages, new ChatOptions { ResponseFormat = prompt.Format }, TestContext.Current.CancellationToken);

        Assert.Equal(LocalComposerChatClient.ModelName, response.ModelId);
        Assert.True(response.Usage?.TotalTokenCount > 0);
        var parsed = AnswerRules.Parse<IdeasAnswer>(response.Text);
        Assert.Null(AnswerRules.Ideas(parsed.Value!, FrenchIdeas).Problem);
        using var json = JsonDocument.Parse(response.Text);
        Assert.True(json.RootElement.GetProperty("ideas")[0].TryGetProperty("estimated_engagement", out _));
    }
}
