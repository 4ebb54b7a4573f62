namespace SocialPlanner.Core.Ai.Composer;

/// <summary>The composers' wording in one language. {title}, {topic} and {kw} are filled in from the input; they are
/// the user's words, of any kind, so each sits where any phrase reads well: after a colon, in quotes, or as a
/// sentence of its own.</summary>
public sealed record Phrases(
    IReadOnlyDictionary<AiTone, string[]> Hooks,
    string[] Points,
    string[] WhyItMatters,
    IReadOnlyDictionary<AiPlatform, string[]> Ctas,
    string[] GenericHashtags,
    string CasualOpener,
    string CasualCloser,
    IReadOnlyList<(string Formal, string Casual)> CasualSwaps,
    string KeyTakeaway,
    string QuestionOpener,
    string LongerParagraph,
    string DefaultSubject)
{
    public static Phrases For(Language language) => language == Language.French ? French : English;

    public static readonly Phrases English = new(
        new Dictionary<AiTone, string[]>
        {
            [AiTone.Professional] = ["{title}.", "{title}: what actually works.", "Most people get this wrong: {topic}."],
            [AiTone.Casual] = ["Let's talk about {topic} 👇", "Okay, real talk: {topic}.", "Quick story about {topic} ☕"],
            [AiTone.Inspirational] = ["✨ {title}", "🚀 {title}: it starts with one step.", "🌱 Small moves, big change: {topic}."],
        },
        [
            "Start small with {kw}: pick one task, try it for a week and measure the result.",
            "Keep {kw} on your weekly agenda: a habit beats a one-off project.",
            "Be specific about {kw}: vague goals produce vague results.",
            "Share what you learn about {kw}; your clients notice and trust you more for it.",
            "Review {kw} every month and drop what does not pay off.",
            "Ask for feedback on {kw} early, before it is polished.",
            "Write down how you handle {kw} so you can repeat it and delegate it.",
        ],
        [
            "Why it matters: when you work alone, every hour counts, and clarity beats effort.",
            "The point is not to do more, but to do what moves your business forward.",
        ],
        new Dictionary<AiPlatform, string[]>
        {
            [AiPlatform.Linkedin] = ["What is your experience with this? Share it in the comments.", "Which of these will you try first? Tell me in the comments.", "Follow me for more practical tips, and repost if it helps someone in your network."],
            [AiPlatform.Instagram] = ["Save this post for later and share it with someone who needs it 💬", "Tell me in the comments which tip you will try first 👇", "Follow for more tips like this and save the post 📌"],
        },
        ["Entrepreneur", "SmallBusiness", "Productivity", "ContentStrategy", "Growth", "Freelance", "Business", "Marketing", "Tips", "Mindset", "SoloPreneur", "Strategy"],
        "Quick one 👋", "Your turn: what would you add? 😉",
        [("do not", "don't"), ("Do not", "Don't"), ("does not", "doesn't"), ("is not", "isn't"), ("it is", "it's"), ("It is", "It's"),
         ("you are", "you're"), ("You are", "You're"), ("we are", "we're"), ("I am", "I'm"), ("cannot", "can't"), ("will not", "won't"),
         ("However,", "But"), ("Therefore,", "So"), ("utilize", "use"), ("In addition,", "Plus,")],
        "Key takeaway: {topic}.",
        "Quick question before you scroll: “{Topic}”, where do you stand on this today?",
        "One more thing: results come from consistency, not intensity. Pick one step from this post and do it this week, then look at what changed.",
        "this topic");

    public static readonly Phrases French = new(
        new Dictionary<AiTone, string[]>
        {
            [AiTone.Professional] = ["{title}.", "{title} : ce qui fonctionne vraiment.", "La plupart des gens se trompent sur un point : {topic}."],
            [AiTone.Casual] = ["{title} — on en parle ? 👇", "Soyons honnêtes : {topic}.", "Petite histoire vraie, sur un sujet qui compte : {topic} ☕"],
            [AiTone.Inspirational] = ["✨ {title}", "🚀 {title} : tout commence par un premier pas.", "🌱 Petits pas, grands changements : {topic}."],
        },
        [
            "Commencez petit sur « {kw} » : choisissez une tâche, testez une semaine et mesurez le résultat.",
            "Travaillez « {kw} » chaque semaine : une habitude vaut mieux qu'un projet ponctuel.",
            "Soyez précis sur « {kw} » : un objectif flou donne des résultats flous.",
            "Partagez ce que vous apprenez sur « {kw} » ; vos clients le remarquent et vous font davantage confiance.",
            "Faites le point sur « {kw} » chaque mois et abandonnez ce qui ne rapporte pas.",
            "Demandez des retours sur « {kw} » tôt, avant que ce soit parfait.",
            "Notez votre méthode sur « {kw} » afin de pouvoir la répéter et la déléguer.",
        ],
        [
            "Pourquoi c'est important : quand on travaille seul, chaque heure compte, et la clarté vaut mieux que l'effort.",
            "L'enjeu n'est pas d'en faire plus, mais de faire ce qui fait avancer votre activité.",
        ],
        new Dictionary<AiPlatform, string[]>
        {
            [AiPlatform.Linkedin] = ["Et vous, quelle est votre expérience ? Partagez-la en commentaire.", "Lequel de ces conseils allez-vous tester en premier ? Dites-le-moi en commentaire.", "Abonnez-vous pour d'autres conseils concrets, et partagez si cela peut aider votre réseau."],
            [AiPlatform.Instagram] = ["Enregistre ce post pour plus tard et partage-le à quelqu'un qui en a besoin 💬", "Dis-moi en commentaire quel conseil tu vas tester en premier 👇", "Abonne-toi pour plus de conseils comme celui-ci et enregistre le post 📌"],
        },
        ["Entrepreneuriat", "Entrepreneur", "Indépendant", "Productivité", "StratégieDeContenu", "Croissance", "Freelance", "PetiteEntreprise", "Marketing", "Conseils", "ÉtatDEsprit", "Stratégie"],
        "Petite confidence 👋", "À toi : tu ajouterais quoi ? 😉",
        [("Nous avons", "On a"), ("nous avons", "on a"), ("Nous sommes", "On est"), ("nous sommes", "on est"),
         ("Cependant,", "Mais"), ("Par conséquent,", "Du coup,"), ("En effet,", "Franchement,"),
         ("Il est important de", "Il faut"), ("Vous pouvez", "Tu peux"), ("vous pouvez", "tu peux")],
        "À retenir : {topic}.",
        "Question rapide avant de continuer : « {Topic} », où en êtes-vous aujourd'hui ?",
        "Une dernière chose : les résultats viennent de la régularité, pas de l'intensité. Choisissez une étape de ce post, appliquez-la cette semaine, puis regardez ce qui a changé.",
        "le sujet");
}
