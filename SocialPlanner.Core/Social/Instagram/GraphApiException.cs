using System.Net;
using System.Text.Json.Nodes;

namespace SocialPlanner.Core.Social.Instagram;

/// <summary>A Graph API error envelope (platform-apis §2.7).</summary>
public sealed class GraphApiException(HttpStatusCode status, int? code, int? subcode, bool isTransient, string message)
    : Exception($"Instagram answered {(int)status} (code {code}, subcode {subcode}): {message}")
{
    public HttpStatusCode Status { get; } = status;
    public int? Code { get; } = code;
    public int? Subcode { get; } = subcode;
    public bool IsTransient { get; } = isTransient;
    public string PlatformMessage { get; } = message;

    public static GraphApiException From(HttpStatusCode status, string body)
    {
        try
        {
            var error = JsonNode.Parse(body)?["error"];
            return new GraphApiException(status, (int?)error?["code"], (int?)error?["error_subcode"],
                (bool?)error?["is_transient"] ?? false, (string?)error?["error_user_msg"] ?? (string?)error?["message"] ?? body);
        }
        catch (System.Text.Json.JsonException)
        {
            return new GraphApiException(status, null, null, false, body);
        }
    }
}
