using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Localisation;

/// <summary>Something the app says now and people read later, in their own language: why a publication failed. It is
/// kept as the way to say it (a resource key and its values, or words that are not ours, such as what a platform
/// answered) and said in every language the app speaks when it is stored (<see cref="Translations"/>), so the Worker,
/// which has no reader, still writes what a French reader reads in French.</summary>
public sealed class Sentence
{
    private readonly Func<string> _say;

    private Sentence(Func<string> say) => _say = say;

    /// <summary>The resource <paramref name="key"/> of <typeparamref name="TMarker"/> with <paramref name="values"/>;
    /// a value that is itself a sentence is said in the same language.</summary>
    public static Sentence Of<TMarker>(string key, params object?[] values) =>
        new(() => ResourceTexts<TMarker>.Get(key, [.. values.Select(v => v is Sentence s ? s.ToString() : v)]));

    /// <summary>Words that are not ours to translate (a platform's message, an exception's): the same in every language.</summary>
    public static Sentence Verbatim(string words) => new(() => words);

    /// <summary>Text that already follows the current culture when asked (the post rules' violations).</summary>
    public static Sentence From(Func<string> say) => new(say);

    /// <summary>In the current UI culture.</summary>
    public override string ToString() => _say();

    /// <summary>In <paramref name="language"/> (a code of <see cref="Languages"/>).</summary>
    public string In(string language)
    {
        using var _ = UserCulture.Use(language);
        return _say();
    }

    /// <summary>In English: what the <c>error_message</c> columns keep (logs, exports, the fallback).</summary>
    public string InEnglish() => In(Languages.English);

    /// <summary>In every language the app speaks, as stored in an <c>error_texts</c> column.</summary>
    public string Translations() => Localisation.Translations.Serialize(Languages.All.ToDictionary(l => l, In));
}
