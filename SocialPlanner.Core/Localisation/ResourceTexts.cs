using System.Collections.Concurrent;
using System.Globalization;
using System.Resources;

namespace SocialPlanner.Core.Localisation;

/// <summary>The words of the Core's pure rules (platform limits, media checks), which run without services: read from
/// the resources named after <typeparamref name="TMarker"/> in the current UI culture — the request's in the Api, the
/// process's (English) in the Worker, so what the Worker stores stays English.</summary>
public static class ResourceTexts<TMarker>
{
    private static readonly ResourceManager Resources = new(typeof(TMarker));

    public static string Get(string key, params object[] values) =>
        string.Format(CultureInfo.CurrentCulture, Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key, values);
}

/// <summary>Numbers a person reads in a rule's message (3,000 characters), in the current culture.</summary>
public static class ReadNumbers
{
    public static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
