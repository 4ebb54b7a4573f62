using System.Text.Json.Nodes;

namespace SocialPlanner.Core.Social.LinkedIn;

/// <summary>Reading LinkedIn's error bodies (<c>{"code", "message", "errorDetails"}</c>).</summary>
public static class LinkedInErrorBody
{
    /// <summary>The symbolic code (top-level <c>code</c>, else the first input error's) and the message.</summary>
    public static (string? Code, string Message) Parse(string body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            var code = (string?)node?["code"]
                ?? (string?)node?["errorDetails"]?["inputErrors"]?.AsArray().FirstOrDefault()?["code"];
            return (code, (string?)node?["message"] ?? body);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, body);
        }
    }
}
