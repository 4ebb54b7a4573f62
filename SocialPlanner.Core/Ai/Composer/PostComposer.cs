namespace SocialPlanner.Core.Ai.Composer;

/// <summary>A post from an idea: a hook in the asked tone, the idea, concrete points sized by the asked length,
/// a call to action for the platform, and hashtags drawn from the idea's own words; always within the platform's
/// limit.</summary>
public static class PostComposer
{
    public static PostAnswer Compose(PostBrief brief)
    {
        var language = LanguageDetector.Detect(brief.IdeaTitle, brief.IdeaDescription);
        var phrases = Phrases.For(language);
        var random = Seed.For(AiJson.Serialize(brief));
        var title = brief.IdeaTitle.Trim().TrimEnd('.', '!', '?', ':').TrimEnd();
        // Only the title's first word owes its capital to its place; a name's ("Lausanne") stays in a point.
        var allKeywords = Text.Keywords($"{brief.IdeaTitle} {brief.IdeaDescription}")
            .Select((k, i) => i == 0 && brief.IdeaTitle.TrimStart().StartsWith(k, StringComparison.Ordinal) ? Tokens.LowerFirst(k) : k).ToList();
        var keywords = allKeywords.Where(k => !IdeaComposer.OwnWords.Contains(k)).DefaultIfEmpty(allKeywords.FirstOrDefault()).OfType<string>().ToList();

        // A question is its own hook: the hooks would make it a statement ("Quel est votre défi.").
        var hook = brief.IdeaTitle.Trim().EndsWith('?') ? brief.IdeaTitle.Trim()
            : random.Pick(phrases.Hooks[brief.Tone])
                .Replace("{title}", title, StringComparison.Ordinal)
                .Replace("{topic}", Text.Lower(title), StringComparison.Ordinal);
        var intro = Text.Sentence(brief.IdeaDescription);
        var points = Points(phrases, keywords, random, brief.Length, brief.Platform);
        var cta = random.Pick(phrases.Ctas[brief.Platform]);
        var hashtags = Hashtags(phrases, keywords, random, brief.Platform);

        var why = brief.Length == AiLength.Long ? random.Pick(phrases.WhyItMatters) : null;
        var content = Text.JoinParagraphs(Rebuild(hook, intro, points, why, cta));

        // The idea's description is the user's text and may be long: drop points first, then shorten the intro.
        while (!AiLimits.Fits(brief.Platform, content, hashtags) && points.Count > 0)
        {
            points.RemoveAt(points.Count - 1);
            content = Text.JoinParagraphs(Rebuild(hook, intro, points, why, cta));
        }
        while (!AiLimits.Fits(brief.Platform, content, hashtags) && Text.Sentences(intro).Count > 1)
        {
            intro = string.Join(' ', Text.Sentences(intro).SkipLast(1));
            content = Text.JoinParagraphs(Rebuild(hook, intro, points, why, cta));
        }
        if (!AiLimits.Fits(brief.Platform, content, hashtags))
        {
            content = Text.JoinParagraphs([hook, cta]);
        }
        return new PostAnswer(content, hashtags);
    }

    private static IEnumerable<string> Rebuild(string hook, string intro, List<string> points, string? why, string cta)
    {
        yield return hook;
        if (intro.Length > 0)
        {
            yield return intro;
        }
        if (points.Count > 0)
        {
            yield return string.Join('\n', points);
        }
        if (why is not null)
        {
            yield return why;
        }
        yield return cta;
    }

    private static List<string> Points(Phrases phrases, List<string> keywords, Random random, AiLength length, AiPlatform platform)
    {
        var count = length switch { AiLength.Short => 1, AiLength.Medium => 3, _ => 6 };
        var templates = random.Shuffled(phrases.Points);
        // The audience is whom the points speak to, not what they are about.
        var topics = keywords.Where(k => !AudienceWords.Contains(k)).ToList();
        var subjects = topics.Count > 0 ? topics : [phrases.DefaultSubject];
        var bullet = platform == AiPlatform.Instagram ? "•" : "→";
        return Enumerable.Range(0, Math.Min(count, templates.Count))
            .Select(i => templates[i].Replace("{kw}", subjects[i % subjects.Count], StringComparison.Ordinal))
            .Select(p => count == 1 ? p : $"{bullet} {p}")
            .ToList();
    }

    private static List<string> Hashtags(Phrases phrases, List<string> keywords, Random random, AiPlatform platform)
    {
        var wanted = platform == AiPlatform.Instagram ? random.Next(10, 16) : random.Next(3, 6);
        return AnswerRules.Hashtags(keywords.Take(wanted - 2).Select(Text.Hashtag).Concat(random.Shuffled(phrases.GenericHashtags)))
            .Take(Math.Min(wanted, AiLimits.InstagramMaxHashtags))
            .ToList();
    }
}
