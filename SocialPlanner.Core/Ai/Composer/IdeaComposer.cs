using System.Globalization;

namespace SocialPlanner.Core.Ai.Composer;

/// <summary>Ideas from a context and themes: every idea takes a different angle (so titles never repeat), themes
/// take turns (so each one is covered), and the wording is the user's language.</summary>
public static class IdeaComposer
{
    private sealed record Angle(string TitleEn, string DescriptionEn, string TitleFr, string DescriptionFr, AiPlatform Platform, Engagement Engagement);

    private static readonly Angle[] Angles =
    [
        new("How to put {theme} to work in {context}: a step-by-step guide",
            "A practical walkthrough of {n} steps to apply {theme} in {context}, with one example your audience can copy this week.",
            "Comment mettre {theme} au service de {context} : le guide pas à pas",
            "Un tutoriel concret en {n} étapes pour appliquer {theme} à {context}, avec un exemple que votre audience peut reproduire cette semaine.",
            AiPlatform.Linkedin, Engagement.High),
        new("{n} {theme} mistakes I keep seeing in {context}",
            "Name the {n} most common {theme} mistakes in {context}, why they happen and the fix for each.",
            "{n} erreurs de {theme} que je vois sans cesse en {context}",
            "Les {n} erreurs les plus fréquentes autour de {theme} en {context}, pourquoi elles arrivent et comment les corriger.",
            AiPlatform.Linkedin, Engagement.High),
        new("The day {theme} changed how I work",
            "A personal story about a turning point with {theme} in {context}: what went wrong, what changed and the result.",
            "Le jour où {theme} a changé ma façon de travailler",
            "Une histoire personnelle : le déclic avec {theme} en {context}, ce qui coinçait, ce qui a changé et le résultat.",
            AiPlatform.Instagram, Engagement.High),
        new("The {theme} checklist for {context}",
            "A {n}-point checklist about {theme} your audience can save and use before their next decision in {context}.",
            "La checklist {theme} pour {context}",
            "Une checklist en {n} points sur {theme} à enregistrer et à utiliser avant la prochaine décision en {context}.",
            AiPlatform.Instagram, Engagement.Medium),
        new("{theme}: {n} myths vs facts",
            "Debunk {n} popular beliefs about {theme} that mislead people in {context}, each with the fact that replaces it.",
            "{theme} : {n} idées reçues face aux faits",
            "Démonter {n} croyances répandues sur {theme} qui induisent en erreur en {context}, chacune avec le fait qui la remplace.",
            AiPlatform.Linkedin, Engagement.High),
        new("What is changing in {theme} this year",
            "Share the shift you see in {theme} and what it concretely means for {context}.",
            "Ce qui change cette année en {theme}",
            "Partager l'évolution que vous observez en {theme} et ce qu'elle change concrètement pour {context}.",
            AiPlatform.Linkedin, Engagement.Medium),
        new("{n} {theme} tools compared for {context}",
            "Compare {n} tools for {theme} on price, learning curve and real benefit for {context}.",
            "{n} outils de {theme} comparés pour {context}",
            "Comparer {n} outils de {theme} sur le prix, la prise en main et le bénéfice réel pour {context}.",
            AiPlatform.Linkedin, Engagement.Medium),
        new("Case study: {theme} in a real {context} project",
            "Walk through a real client case: the starting point, the {theme} approach you chose and the measurable result.",
            "Étude de cas : {theme} dans un vrai projet de {context}",
            "Dérouler un cas client réel : le point de départ, l'approche {theme} choisie et le résultat mesurable.",
            AiPlatform.Linkedin, Engagement.Medium),
        new("What is your biggest {theme} challenge?",
            "Ask your audience an open question about {theme} in {context} and promise to answer the best replies in a follow-up post.",
            "Quel est votre plus grand défi en {theme} ?",
            "Poser une question ouverte à votre audience sur {theme} en {context} et promettre de répondre aux meilleures réponses dans un prochain post.",
            AiPlatform.Instagram, Engagement.High),
        new("Behind the scenes: my {theme} routine",
            "Show how you handle {theme} day to day in {context}, with the small habits that make the difference.",
            "Dans les coulisses : ma routine {theme}",
            "Montrer comment vous gérez {theme} au quotidien en {context}, avec les petites habitudes qui font la différence.",
            AiPlatform.Instagram, Engagement.Medium),
        new("One {theme} quick win you can try in 10 minutes",
            "A single concrete {theme} action with an immediate payoff for {context}.",
            "Une victoire rapide en {theme} à tester en 10 minutes",
            "Une seule action concrète de {theme} avec un bénéfice immédiat pour {context}.",
            AiPlatform.Instagram, Engagement.Medium),
        new("{n} lessons from a {theme} project that failed",
            "Be honest about a {theme} project that did not work in {context} and the {n} lessons you took from it.",
            "{n} leçons d'un projet {theme} qui a échoué",
            "Raconter honnêtement un projet {theme} qui n'a pas marché en {context} et les {n} leçons que vous en avez tirées.",
            AiPlatform.Linkedin, Engagement.High),
        new("Before and after: {theme} in {context}",
            "Contrast how things looked before and after bringing {theme} into {context}, with numbers if you have them.",
            "Avant / après : {theme} en {context}",
            "Comparer la situation avant et après l'arrivée de {theme} en {context}, chiffres à l'appui si possible.",
            AiPlatform.Instagram, Engagement.High),
        new("Unpopular opinion: most {theme} advice does not fit {context}",
            "Take a clear stand on a widely shared {theme} recommendation and explain what works better for {context}.",
            "Avis impopulaire : la plupart des conseils en {theme} ne conviennent pas à {context}",
            "Prendre position sur une recommandation très répandue en {theme} et expliquer ce qui marche mieux pour {context}.",
            AiPlatform.Linkedin, Engagement.High),
        new("The {n} {theme} questions clients ask me most",
            "Answer the {n} questions about {theme} you hear most often in {context}, briefly and plainly.",
            "Les {n} questions sur {theme} que mes clients me posent le plus",
            "Répondre simplement aux {n} questions sur {theme} que vous entendez le plus souvent en {context}.",
            AiPlatform.Linkedin, Engagement.Medium),
        new("{theme} for beginners: where to start",
            "A first-steps guide to {theme} for people in {context} who do not know where to begin.",
            "{theme} pour débutants : par où commencer",
            "Un guide des premiers pas en {theme} pour les personnes en {context} qui ne savent pas par où commencer.",
            AiPlatform.Instagram, Engagement.Medium),
        new("The {theme} numbers worth tracking in {context}",
            "Which {n} indicators show whether {theme} really pays off in {context}, and how to measure them.",
            "Les indicateurs {theme} à suivre en {context}",
            "Quels {n} indicateurs montrent si {theme} porte vraiment ses fruits en {context}, et comment les mesurer.",
            AiPlatform.Linkedin, Engagement.Low),
    ];

    /// <summary>How many ideas can be composed without repeating an angle.</summary>
    public static int MaxCount => Angles.Length;

    public static IdeasAnswer Compose(IdeasBrief brief)
    {
        var themes = brief.Themes.Select(t => t.Trim()).Where(t => t.Length > 0).DefaultIfEmpty(brief.Context).ToList();
        var context = brief.Context.Trim();
        var language = LanguageDetector.Detect([context, .. themes]);
        var random = Seed.For(AiJson.Serialize(brief));
        var angles = random.Shuffled(Angles);
        var ideas = new List<IdeaDraft>();
        for (var i = 0; i < Math.Min(brief.Count, angles.Count); i++)
        {
            var angle = angles[i];
            var n = random.Next(3, 8).ToString(CultureInfo.InvariantCulture);
            string Fill(string template) => template.Replace("{theme}", themes[i % themes.Count], StringComparison.Ordinal)
                .Replace("{context}", context, StringComparison.Ordinal).Replace("{n}", n, StringComparison.Ordinal);
            var (title, description) = language == Language.French
                ? (angle.TitleFr, angle.DescriptionFr)
                : (angle.TitleEn, angle.DescriptionEn);
            ideas.Add(new IdeaDraft(Text.Capitalize(Fill(title)), Fill(description), angle.Platform, angle.Engagement));
        }
        return new IdeasAnswer(ideas);
    }
}
