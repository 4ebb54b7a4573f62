namespace SocialPlanner.Core.Ai.Composer;

public enum Determiner { None, Definite, Indefinite }

/// <summary>A noun phrase the composers put into their sentences ("les PME romandes", "l'IA", "freelance designers").
/// French joins it to a preposition by its determiner, gender and number (de + les → des, à + le → au, de + voyelle
/// → d'), so the phrase keeps them apart from its words; English reads <see cref="Words"/> as written.</summary>
/// <param name="Words">The phrase without its determiner, or the whole phrase when it keeps its own ("vos clients").</param>
public sealed record NounPhrase(string Words, Determiner Determiner = Determiner.None, bool Feminine = false, bool Plural = false)
{
    /// <summary>The phrase with its article, where a sentence names it on its own: "les PME romandes", "l'IA".</summary>
    public override string ToString() => Determiner switch
    {
        Determiner.Definite when Plural => $"les {Words}",
        Determiner.Definite when FrenchGrammar.Elides(Words) => $"l'{Words}",
        Determiner.Definite => $"{(Feminine ? "la" : "le")} {Words}",
        Determiner.Indefinite when Plural => $"des {Words}",
        Determiner.Indefinite => $"{(Feminine ? "une" : "un")} {Words}",
        _ => Words,
    };

    /// <summary>After "de": "des PME", "du coaching", "de l'IA"; an indefinite plural loses its article
    /// ("auprès d'entrepreneurs", never "de des entrepreneurs").</summary>
    public string De => Determiner switch
    {
        Determiner.Definite when Plural => $"des {Words}",
        Determiner.Definite when !Feminine && !FrenchGrammar.Elides(Words) => $"du {Words}",
        Determiner.Indefinite when Plural => DeWithoutArticle,
        _ => FrenchGrammar.Elide("de", ToString()),
    };

    /// <summary>After "à": "aux PME", "au coaching", "à l'IA", "à des entrepreneurs".</summary>
    public string A => Determiner switch
    {
        Determiner.Definite when Plural => $"aux {Words}",
        Determiner.Definite when !Feminine && !FrenchGrammar.Elides(Words) => $"au {Words}",
        _ => $"à {this}",
    };

    /// <summary>"de" and the words without article, as the complement of another noun: "un projet d'accompagnement",
    /// "des outils d'IA", "en matière de productivité".</summary>
    public string DeWithoutArticle => FrenchGrammar.Elide("de", Words);

    /// <summary>The verb form that agrees with the phrase as a subject ("l'IA a changé", "les réseaux sociaux ont
    /// changé").</summary>
    public string Agree(string singular, string plural) => Plural ? plural : singular;
}
