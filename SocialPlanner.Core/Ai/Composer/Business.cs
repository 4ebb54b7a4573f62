namespace SocialPlanner.Core.Ai.Composer;

/// <summary>What the user's sentence about their business says: whom they serve ("les PME romandes") and what they
/// offer ("la transformation digitale"). Either may be unknown: the composer then uses neutral words rather than
/// the raw sentence, which reads as nonsense once spliced into a phrase.</summary>
public sealed record Business(NounPhrase? Audience, NounPhrase? Offer)
{
    public static readonly Business Unknown = new(null, null);

    public static Business Read(string sentence, Language language)
    {
        var tokens = Tokens.Of(sentence);
        return tokens.Count == 0 ? Unknown
            : language == Language.French ? FrenchBusinessReader.Read(tokens)
            : EnglishBusinessReader.Read(tokens);
    }

    public NounPhrase AudienceOr(Language language) =>
        Audience ?? (language == Language.French ? new NounPhrase("vos clients", Plural: true) : new NounPhrase("your clients", Plural: true));

    public NounPhrase OfferOr(Language language) =>
        Offer ?? (language == Language.French ? new NounPhrase("votre activité", Feminine: true) : new NounPhrase("your business"));
}

/// <summary>Words that name who a business serves, in both languages, matched by their start so singular, plural
/// and feminine forms count ("entrepreneu" → entrepreneur, entrepreneurs, entrepreneuses).</summary>
public static class AudienceWords
{
    private static readonly string[] Starts =
    [
        "entrepreneu", "indépendant", "freelance", "startup", "start-up", "dirigeant", "manager", "cadre", "équipe", "entreprise",
        "société", "association", "artisan", "commerçant", "thérapeute", "coachs", "consultant", "designer", "créateur", "créatrice",
        "femme", "mère", "maman", "parent", "étudiant", "professionnel", "particulier", "client", "patient", "soignant", "médecin",
        "avocat", "restaurat", "restaurant", "hôtel", "agence", "fondateur", "fondatrice", "leader", "vendeu", "commerciaux", "salarié",
        "collaborat", "employé", "recruteu", "marque", "boutique", "enseignant", "sportif", "athlète", "musicien", "artiste", "auteur",
        "écrivain", "architecte", "ingénieur", "développeu", "photographe", "vigneron", "agricult", "famille", "senior", "retraité",
        "solopreneu", "founder", "business", "compan", "team", "owner", "people", "women", "mother", "student", "professional",
        "executive", "creator", "coaches", "therapist", "developer", "engineer", "artist", "writer", "photographer", "agenc", "brand",
        "nonprofit", "retailer", "clinic", "practitioner", "doctor", "lawyer", "realtor", "marketer", "seller", "nurse", "teacher",
        "shop", "store", "startups", "employee", "recruiter", "parents", "families", "leaders", "organizations", "organisations",
        "author", "speaker", "podcaster", "influencer", "expat", "investor", "landlord", "baker", "gens", "personnes", "humans",
    ];

    private static readonly HashSet<string> Short = new(StringComparer.OrdinalIgnoreCase)
    {
        "pme", "tpe", "eti", "rh", "ong", "sme", "smes", "smb", "smbs", "ceo", "ceos", "cto", "pdg", "élus", "coach", "moms",
    };

    /// <summary>Endings of activities that share an audience word's start: "artisanale", "équipement", "branding",
    /// "leadership", "moment", "patience".</summary>
    private static readonly string[] ActivityEndings = ["ship", "ing", "ment", "ité", "ale", "ales", "ence", "work", "ique"];

    public static bool Contains(string word) =>
        Short.Contains(word)
        || (Starts.Any(s => word.StartsWith(s, StringComparison.OrdinalIgnoreCase))
            && !ActivityEndings.Any(e => word.EndsWith(e, StringComparison.OrdinalIgnoreCase)));
}
