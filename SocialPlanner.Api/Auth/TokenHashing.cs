using System.Security.Cryptography;
using System.Text;

namespace SocialPlanner.Api.Auth;

internal static class TokenHashing
{
    /// <summary>A random 256-bit token, URL-safe.</summary>
    public static string NewToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only this hash is stored, so a database leak yields no usable refresh token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
