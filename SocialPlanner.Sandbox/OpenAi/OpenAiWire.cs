using SocialPlanner.Sandbox.Faults;

namespace SocialPlanner.Sandbox.OpenAi;

/// <summary>OpenAI's error envelope (platform-apis.md §3.4) and how injected faults look in it.</summary>
public static class OpenAiWire
{
    public static IResult Error(int status, string message, string type, string? code, string? param = null) =>
        TypedResults.Json(new { error = new { message, type, param, code } }, statusCode: status);

    public static IResult ForFault(FaultRule fault)
    {
        if (fault.MalformedJson)
        {
            return TypedResults.Json(ChatCompletionEndpoints.Completion("chatcmpl-sbxmalformed", "sandbox", """{"ideas": [{"title": "Unfinished""", promptTokens: 10), statusCode: fault.Status ?? 200);
        }

        return (fault.Status ?? 500) switch
        {
            401 => Error(401, "Incorrect API key provided: sk-sbx****. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"),
            429 => Error(429, $"Rate limit reached for requests in organization org-sandbox on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in {fault.RetryAfterSeconds ?? 1}s.", "requests", "rate_limit_exceeded"),
            503 => Error(503, "The engine is currently overloaded, please try again later.", "server_error", null),
            var status => Error(status, "The server had an error while processing your request. Sorry about that!", "server_error", null),
        };
    }
}
