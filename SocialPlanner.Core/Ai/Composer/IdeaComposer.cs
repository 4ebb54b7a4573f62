using System.Globalization;

namespace SocialPlanner.Core.Ai.Composer;

/// <summary>Ideas from a context and themes: every idea takes a different angle (so titles never repeat), themes
/// take turns (so each one is covered), and the wording is the user's language. The context is understood, not
/// pasted: its audience and offer (<see cref="Business"/>) fill the sentences, joined by French grammar.</summary>
public static class IdeaComposer
{
    /// <summary>What an angle's sentences are written from. In French the phrases carry their article and join
    /// their preposition themselves (<see cref="NounPhrase.De"/>, <see cref="NounPhrase.A"/>).</summary>
    private sealed record Words(NounPhrase Theme, NounPhrase Audience, NounPhrase Offer, string N);

    private sealed record Angle(
        Func<Words, string> TitleEn, Func<Words, string> DescriptionEn, Func<Words, string> TitleFr, Func<Words, string> DescriptionFr,
        AiPlatform Platform, Engagement Engagement);

    private static readonly Angle[] Angles =
    [
        new(w => $"How to put {w.Theme} to work for {w.Audience}: a step-by-step guide",
            w => $"A practical walkthrough of {w.N} steps to apply {w.Theme} to {w.Offer}, with one example {w.Audience} can copy this week.",
            w => $"Comment mettre {w.Theme} au service {w.Audience.De} : le guide pas à pas",
            w => $"Un tutoriel concret en {w.N} étapes pour appliquer {w.Theme} {w.Offer.A}, avec un exemple à reproduire dès cette semaine.",
            AiPlatform.Linkedin, Engagement.High),
        new(w => $"{w.N} {w.Theme} mistakes I keep seeing among {w.Audience}",
            w => $"Name the {w.N} most common {w.Theme} mistakes among {w.Audience}, why they happen and the fix for each.",
            w => $"{w.N} erreurs {w.Theme.DeWithoutArticle} que je vois sans cesse chez {w.Audience}",
            w => $"Les {w.N} erreurs les plus fréquentes autour {w.Theme.De} chez {w.Audience}, pourquoi elles arrivent et comment les corriger.",
            AiPlatform.Linkedin, Engagement.High),
        new(w => $"The day {w.Theme} changed how I work",
            w => $"A personal story about a turning point with {w.Theme} in your work with {w.Audience}: what went wrong, what changed and the result.",
            w => $"Le jour où {w.Theme} {w.Theme.Agree("a", "ont")} changé ma façon de travailler",
            w => $"Une histoire personnelle : le déclic avec {w.Theme} dans votre travail auprès {w.Audience.De}, ce qui coinçait, ce qui a changé et le résultat.",
            AiPlatform.Instagram, Engagement.High),
        new(w => $"The {w.Theme} checklist for {w.Audience}",
            w => $"A {w.N}-point checklist about {w.Theme} that {w.Audience} can save and use before their next decision.",
            w => $"La checklist {w.Theme.De} pour {w.Audience}",
            w => $"Une checklist en {w.N} points sur {w.Theme}, à enregistrer et à relire avant chaque décision importante, pensée pour {w.Audience}.",
            AiPlatform.Instagram, Engagement.Medium),
        new(w => $"{w.Theme}: {w.N} myths vs facts",
            w => $"Debunk {w.N} popular beliefs about {w.Theme} that mislead {w.Audience}, each with the fact that replaces it.",
            w => $"{w.Theme} : {w.N} idées reçues face aux faits",
            w => $"Démonter {w.N} croyances répandues sur {w.Theme} qui induisent en erreur {w.Audience}, chacune avec le fait qui la remplace.",
            AiPlatform.Linkedin, Engagement.High),
        new(w => $"What is changing in {w.Theme} this year",
            w => $"Share the shift you see in {w.Theme} and what it concretely means for {w.Audience}.",
            w => $"Ce qui change cette année en matière {w.Theme.DeWithoutArticle}",
            w => $"Partager l'évolution que vous observez en matière {w.Theme.DeWithoutArticle} et ce qu'elle change concrètement pour {w.Audience}.",
            AiPlatform.Linkedin, Engagement.Medium),
        new(w => $"{w.N} {w.Theme} tools compared for {w.Audience}",
            w => $"Compare {w.N} tools for {w.Theme} on price, learning curve and real benefit for {w.Audience}.",
            w => $"{w.N} outils {w.Theme.DeWithoutArticle} comparés pour {w.Audience}",
            w => $"Comparer {w.N} outils {w.Theme.DeWithoutArticle} sur le prix, la prise en main et le bénéfice réel pour {w.Audience}.",
            AiPlatform.Linkedin, Engagement.Medium),
        new(w => $"Case study: {w.Theme} in a real project with {w.Audience}",
            w => $"Walk through a real client case: the starting point, the {w.Theme} approach you chose and the measurable result.",
            w => $"Étude de cas : {w.Theme} dans un vrai projet avec {w.Audience}",
            w => $"Dérouler un cas réel {w.Offer.DeWithoutArticle} : le point de départ, l'approche choisie en matière {w.Theme.DeWithoutArticle} et le résultat mesurable.",
            AiPlatform.Linkedin, Engagement.Medium),
        new(w => $"What is your biggest {w.Theme} challenge?",
            w => $"Ask {w.Audience} an open question about {w.Theme} and promise to answer the best replies in a follow-up post.",
            w => $"Quel est votre plus grand défi en matière {w.Theme.DeWithoutArticle} ?",
            w => $"Poser une question ouverte {w.Audience.A} sur {w.Theme} et promettre de répondre aux meilleures réponses dans un prochain post.",
            AiPlatform.Instagram, Engagement.High),
        new(w => $"Behind the scenes: my {w.Theme} routine",
            w => $"Show how you handle {w.Theme} day to day when it comes to {w.Offer}, with the small habits that make the difference.",
            w => $"Dans les coulisses : comment je gère {w.Theme} au quotidien",
            w => $"Montrer comment vous gérez {w.Theme} au quotidien pour {w.Audience}, avec les petites habitudes qui font la différence.",
            AiPlatform.Instagram, Engagement.Medium),
        new(w => $"One {w.Theme} quick win you can try in 10 minutes",
            w => $"A single concrete {w.Theme} action with an immediate payoff for {w.Audience}.",
            w => $"Une victoire rapide en matière {w.Theme.DeWithoutArticle} à tester en 10 minutes",
            w => $"Une seule action concrète sur {w.Theme}, avec un bénéfice immédiat pour {w.Audience}.",
            AiPlatform.Instagram, Engagement.Medium),
        new(w => $"{w.N} lessons from a {w.Theme} project that failed",
            w => $"Be honest about a {w.Theme} project that did not work for {w.Audience} and the {w.N} lessons you took from it.",
            w => $"{w.Theme} : {w.N} leçons d'un projet qui a échoué",
            w => $"Raconter honnêtement un projet {w.Offer.DeWithoutArticle} où {w.Theme} n'{w.Theme.Agree("a", "ont")} pas tenu ses promesses, et les {w.N} leçons que vous en avez tirées.",
            AiPlatform.Linkedin, Engagement.High),
        new(w => $"Before and after: {w.Theme} for {w.Audience}",
            w => $"Contrast how things looked before and after bringing {w.Theme} to {w.Audience}, with numbers if you have them.",
            w => $"Avant / après : {w.Theme} chez {w.Audience}",
            w => $"Comparer la situation avant et après l'arrivée {w.Theme.De} chez {w.Audience}, chiffres à l'appui si possible.",
            AiPlatform.Instagram, Engagement.High),
        new(w => $"Unpopular opinion: most {w.Theme} advice does not fit {w.Audience}",
            w => $"Take a clear stand on a widely shared {w.Theme} recommendation and explain what works better for {w.Audience}.",
            w => $"Avis impopulaire : la plupart des conseils en matière {w.Theme.DeWithoutArticle} ne conviennent pas {w.Audience.A}",
            w => $"Prendre position sur une recommandation très répandue en matière {w.Theme.DeWithoutArticle} et expliquer ce qui marche mieux pour {w.Audience}.",
            AiPlatform.Linkedin, Engagement.High),
        new(w => $"The {w.N} {w.Theme} questions clients ask me most",
            w => $"Answer the {w.N} questions about {w.Theme} you hear most often from {w.Audience}, briefly and plainly.",
            w => $"Les {w.N} questions sur {w.Theme} que mes clients me posent le plus",
            w => $"Répondre simplement aux {w.N} questions sur {w.Theme} que vous entendez le plus souvent chez {w.Audience}.",
            AiPlatform.Linkedin, Engagement.Medium),
        new(w => $"{w.Theme} for beginners: where to start",
            w => $"A first-steps guide to {w.Theme} for {w.Audience}, for anyone who does not know where to begin.",
            w => $"{w.Theme} pour débutants : par où commencer",
            w => $"Un guide des premiers pas en matière {w.Theme.DeWithoutArticle} pour {w.Audience}, quand on ne sait pas par où commencer.",
            AiPlatform.Instagram, Engagement.Medium),
        new(w => $"The {w.Theme} numbers worth tracking for {w.Audience}",
            w => $"Which {w.N} indicators show whether {w.Theme} really pays off for {w.Audience}, and how to measure them.",
            w => $"Les indicateurs {w.Theme.DeWithoutArticle} à suivre pour {w.Audience}",
            w => $"Quels {w.N} indicateurs montrent si investir dans {w.Theme} porte vraiment ses fruits pour {w.Audience}, et comment les mesurer.",
            AiPlatform.Linkedin, Engagement.Low),
    ];

    /// <summary>The words of the angles themselves ("erreurs", "quick", "échoué"): a post written from one of our ideas
    /// takes its subjects and hashtags from the user's words in it, not from ours.</summary>
    public static readonly IReadOnlySet<string> OwnWords = Angles
        .SelectMany(a => new[] { a.TitleEn, a.DescriptionEn, a.TitleFr, a.DescriptionFr })
        .SelectMany(write => Text.Keywords(write(new Words(new NounPhrase(""), new NounPhrase(""), new NounPhrase(""), ""))))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many ideas can be composed without repeating an angle.</summary>
    public static int MaxCount => Angles.Length;

    public static IdeasAnswer Compose(IdeasBrief brief)
    {
        var context = brief.Context.Trim();
        var typedThemes = brief.Themes.Select(t => t.Trim()).Where(t => t.Length > 0).ToList();
        var language = LanguageDetector.Detect([context, .. typedThemes]);
        var business = Business.Read(context, language);
        var audience = business.AudienceOr(language);
        var themes = typedThemes.Select(t => Theme(t, language)).DefaultIfEmpty(DefaultTheme(business, language)).ToList();
        var random = Seed.For(AiJson.Serialize(brief));
        var angles = random.Shuffled(Angles);
        var ideas = new List<IdeaDraft>();
        for (var i = 0; i < Math.Min(brief.Count, angles.Count); i++)
        {
            var angle = angles[i];
            var theme = themes[i % themes.Count];
            // A theme that is the offer itself would be applied to itself ("appliquer le coaching au coaching").
            var offer = business.Offer is { } known && known.Words != theme.Words ? known : Business.Unknown.OfferOr(language);
            var words = new Words(theme, audience, offer, random.Next(3, 8).ToString(CultureInfo.InvariantCulture));
            var (title, description) = language == Language.French
                ? (angle.TitleFr(words), angle.DescriptionFr(words))
                : (angle.TitleEn(words), angle.DescriptionEn(words));
            ideas.Add(new IdeaDraft(Text.Capitalize(title), Text.Capitalize(description), angle.Platform, angle.Engagement));
        }
        return new IdeasAnswer(ideas);
    }

    private static NounPhrase Theme(string theme, Language language) =>
        language == Language.French ? FrenchGrammar.Phrase(theme) : new NounPhrase(Tokens.LowerFirst(Tokens.Join(Tokens.Of(theme))));

    /// <summary>Without themes, the ideas are about the offer, or about content, what this app is for.</summary>
    private static NounPhrase DefaultTheme(Business business, Language language) =>
        language == Language.French
            ? business.Offer ?? new NounPhrase("contenu", Determiner.Definite)
            : business.Offer is { } offer && offer.Words.Split(' ').Length == 1 ? offer : new NounPhrase("content");
}
