using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SocialPlanner.Sandbox.OAuth;

/// <summary>
/// The person who consents. Ids derive from the chosen name, so re-authorizing as the same name
/// reconnects the same account, while an unnamed consent gets a fresh account (test isolation).
/// </summary>
public sealed record SandboxPerson(string Name)
{
    public string LinkedInMemberId => "sbx" + Convert.ToHexStringLower(Hash())[..12];

    public string InstagramUserId => "1784" + (new BigInteger(Hash(), isUnsigned: true) % BigInteger.Pow(10, 13)).ToString("D13", CultureInfo.InvariantCulture);

    public string Username => new([.. Name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.')]);

    public string GivenName => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Name.Split('-', ' ', '.', '_')[0]);

    public string Email => $"{Username}@example.test";

    public static SandboxPerson FromRequest(string? name) =>
        new(string.IsNullOrWhiteSpace(name) ? $"member-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}" : name.Trim());

    private byte[] Hash() => SHA256.HashData(Encoding.UTF8.GetBytes(Name));
}
