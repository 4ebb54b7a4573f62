using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialPlanner.Sandbox.OpenAi;

/// <summary>
/// Writes the assistant's answer. JSON modes produce an instance of the requested schema; for plain
/// <c>json_object</c> the prompt decides between the shapes our app asks for (ideas, variants, a post).
/// </summary>
public static class ChatComposer
{
    private static readonly JsonObject IdeasSchema = Schema("""
        { "type": "object", "properties": { "ideas": { "type": "array", "items": { "type": "object", "properties": {
          "title": { "type": "string" }, "description": { "type": "string" },
          "target_platform": { "enum": ["linkedin", "instagram", "both"] }, "estimated_engagement": { "enum": ["low", "medium", "high"] } } } } } }
        """);

    private static readonly JsonObject VariantsSchema = Schema("""
        { "type": "object", "properties": { "variants": { "type": "array", "items": { "type": "object", "properties": {
          "variation_type": { "type": "string" }, "content": { "type": "string" } } } } } }
        """);

    private static readonly JsonObject PostSchema = Schema("""
        { "type": "object", "properties": { "content": { "type": "string" }, "hashtags": { "type": "array", "items": { "type": "string" } } } }
        """);

    public static string Compose(JsonObject request)
    {
        var words = new PromptWords(PromptOf(request));
        var format = request["response_format"];
        return format?["type"]?.GetValue<string>() switch
        {
            "json_schema" when format["json_schema"]?["schema"] is JsonObject schema => Json(schema, words),
            "json_object" or "json_schema" => Json(ShapeAskedFor(words.Prompt), words),
            _ => words.PostText(),
        };
    }

    /// <summary>The user's words (system instructions would otherwise dominate every answer).</summary>
    public static string PromptOf(JsonObject request)
    {
        var messages = (request["messages"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var user = messages.Where(m => m["role"]?.GetValue<string>() == "user").ToList();
        return string.Join('\n', (user.Count > 0 ? user : messages).Select(m => TextOf(m["content"])));
    }

    public static string AllText(JsonObject request) =>
        string.Join('\n', (request["messages"] as JsonArray ?? []).OfType<JsonObject>().Select(m => TextOf(m["content"])));

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue text => text.GetValue<string>(),
        JsonArray parts => string.Join(' ', parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>()).OfType<string>()),
        _ => "",
    };

    private static JsonObject ShapeAskedFor(string prompt) =>
        prompt.Contains("variant", StringComparison.OrdinalIgnoreCase) || prompt.Contains("variation", StringComparison.OrdinalIgnoreCase) ? VariantsSchema
        : prompt.Contains("idea", StringComparison.OrdinalIgnoreCase) ? IdeasSchema
        : PostSchema;

    private static string Json(JsonObject schema, PromptWords words) =>
        new SchemaInstance(schema, words).Generate()?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";

    private static JsonObject Schema(string json) => JsonNode.Parse(json)!.AsObject();
}
