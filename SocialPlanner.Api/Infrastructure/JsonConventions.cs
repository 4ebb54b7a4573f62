using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>The spec's JSON: snake_case properties and enum values, nulls written.</summary>
public static class JsonConventions
{
    public static IServiceCollection AddApiJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));

    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
