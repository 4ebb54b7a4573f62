using System.Globalization;

namespace SocialPlanner.Core.Localisation;

/// <summary>Numbers a person reads in a rule's message (3,000 characters), in the current culture.</summary>
public static class ReadNumbers
{
    public static string N(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
