using SocialPlanner.Core.Ai;

namespace SocialPlanner.Tests.Ai;

public class AnswerRulesTests
{
    private static readonly PostBrief InstagramPost = new("Idea", "", AiPlatform.Instagram, AiTone.Casual, AiLength.Short);

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"ideas\": [{\"title\": \"Unfinished\"")]
    [InlineData("null")]
    public void Output_that_is_not_the_contract_is_refused(string text) =>
        Assert.NotNull(AnswerRules.Parse<IdeasAnswer>(text).Problem);

    [Fact]
    public void A_code_fenced_JSON_answer_is_accepted() =>
        Assert.NotNull(AnswerRules.Parse<PostAnswer>("```json\n{\"content\":\"Hi\",\"hashtags\":[]}\n```").Value);

    [Fact]
    public void Fewer_ideas_than_asked_is_a_bad_answer_and_extra_ones_are_dropped()
    {
        var brief = new IdeasBrief("ctx", ["t"], 10);
        static IdeaDraft Idea(int i) => new($"Title {i}", "Description", AiPlatform.Linkedin, Engagement.High);

        Assert.NotNull(AnswerRules.Ideas(new IdeasAnswer([.. Enumerable.Range(0, 9).Select(Idea)]), brief).Problem);
        Assert.Equal(10, AnswerRules.Ideas(new IdeasAnswer([.. Enumerable.Range(0, 12).Select(Idea)]), brief).Value!.Ideas.Count);
    }

    [Fact]
    public void Hashtags_lose_their_hash_duplicates_and_the_surplus_over_thirty_on_Instagram()
    {
        var tags = Enumerable.Range(0, 40).Select(i => $"#tag{i}").Append("#Tag1").ToList();

        var post = AnswerRules.Post(new PostAnswer("  Content  ", tags), InstagramPost).Value!;

        Assert.Equal("Content", post.Content);
        Assert.Equal(30, post.Hashtags.Count);
        Assert.Equal("tag0", post.Hashtags[0]);
    }

    [Fact]
    public void A_post_over_the_limit_is_a_bad_answer()
    {
        Assert.NotNull(AnswerRules.Post(new PostAnswer(new string('a', 2_201), []), InstagramPost).Problem);
        Assert.Null(AnswerRules.Post(new PostAnswer(new string('a', 2_200), []), InstagramPost).Problem);
    }

    [Fact]
    public void Characters_are_counted_as_readers_see_them()
    {
        Assert.Equal(3, AiLimits.CharacterCount("a🚀é"));
        Assert.Null(AnswerRules.Post(new PostAnswer(string.Concat(Enumerable.Repeat("🚀", 2_200)), []), InstagramPost).Problem);
    }

    [Fact]
    public void Variants_are_labelled_in_the_order_asked_and_must_change_the_post()
    {
        var brief = new VariantsBrief("One two three. Four five six.", [], AiPlatform.Linkedin, [VariationTypes.Shorter, VariationTypes.WithCta]);

        var ok = AnswerRules.Variants(new VariantsAnswer([new("story", "One two three."), new("x", "One two three. Four five six. Comment below!")]), brief);
        Assert.Equal([VariationTypes.Shorter, VariationTypes.WithCta], ok.Value!.Variants.Select(v => v.VariationType));

        Assert.NotNull(AnswerRules.Variants(new VariantsAnswer([new("a", "One two three."), new("b", "One  two three.\nFour five six.")]), brief).Problem);
        Assert.NotNull(AnswerRules.Variants(new VariantsAnswer([new("a", "One two three. Four five six, longer."), new("b", "Other")]), brief).Problem);
    }
}
