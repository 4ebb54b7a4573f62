using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Localisation;

namespace SocialPlanner.Core.Media;

/// <summary>HMAC-signed, expiring links to stored files (Supabase's signed URLs): whoever holds the link may GET the
/// file until it expires, and nobody can make one for another file or a later expiry without the key.</summary>
public sealed class MediaUrlSigner
{
    /// <summary>The Api serves files under this path; the links point there.</summary>
    public const string RoutePrefix = "media/files";

    private readonly byte[] _key;

    /// <param name="secret">The configured signing key.</param>
    /// <param name="environment">Mixed into the key, so a link signed in one environment (say, a developer's machine
    /// with the shared development key) is worthless in another.</param>
    public MediaUrlSigner(string secret, string environment)
    {
        _key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"socialplanner/media-url/{environment}"));
    }

    /// <summary>A link to <paramref name="path"/> valid for at least <paramref name="lifetime"/>. The expiry is rounded
    /// up to a 1/168th of the lifetime (an hour for 7 days) so the link stays the same for a while and browsers and
    /// proxies can cache the file under it, although every read signs afresh.</summary>
    public Uri Sign(Uri baseUrl, string path, DateTimeOffset now, TimeSpan lifetime)
    {
        var quantum = Math.Max(1, (long)lifetime.TotalSeconds / 168);
        var expires = ((now + lifetime).ToUnixTimeSeconds() + quantum - 1) / quantum * quantum;
        var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri($"{root}/{RoutePrefix}/{escaped}?exp={expires.ToString(CultureInfo.InvariantCulture)}&sig={Signature(path, expires)}");
    }

    /// <summary>Null when the link is genuine and unexpired, else why not.</summary>
    public string? Check(string path, string? exp, string? sig, DateTimeOffset now)
    {
        if (!long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || string.IsNullOrEmpty(sig))
        {
            return ResourceTexts<MediaStrings>.Get("LinkNotSigned");
        }
        var expected = Encoding.ASCII.GetBytes(Signature(path, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sig)))
        {
            return ResourceTexts<MediaStrings>.Get("LinkSignatureInvalid");
        }
        return now.ToUnixTimeSeconds() >= expires ? ResourceTexts<MediaStrings>.Get("LinkExpired") : null;
    }

    private string Signature(string path, long expires) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{path}\n{expires.ToString(CultureInfo.InvariantCulture)}")));
}
