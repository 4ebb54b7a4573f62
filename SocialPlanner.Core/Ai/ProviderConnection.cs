using System.Data.Common;

namespace SocialPlanner.Core.Ai;

/// <summary>An OpenAI-compatible provider named by a connection string <c>Endpoint=…;Key=…;Model=…</c> (OpenAI,
/// Ollama, vLLM, LM Studio, the sandbox). The key is optional: local servers often need none.</summary>
public sealed record ProviderConnection(Uri Endpoint, string Key, string Model)
{
    public const string PrimaryName = "openai";
    public const string FallbackName = "openai-fallback";

    public static ProviderConnection Parse(string connectionString)
    {
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Get(string key) => parts.TryGetValue(key, out var value) ? value?.ToString() : null;

        var endpoint = Get("Endpoint");
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            throw new FormatException("An AI connection string needs Endpoint=<absolute URL>, e.g. Endpoint=https://api.openai.com/v1;Key=sk-…;Model=gpt-4o-mini");
        }
        var model = Get("Model");
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new FormatException("An AI connection string needs Model=<model name>");
        }
        // Local servers accept any key; the OpenAI client refuses an empty one.
        return new ProviderConnection(uri, string.IsNullOrWhiteSpace(Get("Key")) ? "unused" : Get("Key")!, model);
    }

    /// <summary>Never print the key.</summary>
    public override string ToString() => $"{Endpoint} ({Model})";
}
