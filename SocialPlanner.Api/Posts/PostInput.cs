using System.Text.Json;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Api.Posts;

/// <summary>A field of a partial update: absent (leave as is) is not the same as present with null (clear it).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}

/// <summary>The writable fields of a post as sent by a client, read from raw JSON so that <c>PATCH</c> can tell
/// absent from null; creation reads the same way and then requires content and platform.</summary>
public sealed class PostInput
{
    public const int MaxMedia = 10;

    public Optional<PostPlatform> Platform { get; private set; }
    public Optional<string> Content { get; private set; }
    public Optional<List<string>> Hashtags { get; private set; }
    public Optional<string?> IdeaSource { get; private set; }
    public Optional<bool> AiGenerated { get; private set; }
    public Optional<int?> Rating { get; private set; }
    public Optional<List<Guid>> MediaIds { get; private set; }
    public Optional<Guid?> TemplateId { get; private set; }
    public Optional<JsonElement> Metadata { get; private set; }
    /// <summary>The version the client edited; a different one in the database means someone else saved first.</summary>
    public Optional<DateTimeOffset> UpdatedAt { get; private set; }

    public bool ChangesAnything =>
        Platform.IsSet || Content.IsSet || Hashtags.IsSet || IdeaSource.IsSet || AiGenerated.IsSet || Rating.IsSet
        || MediaIds.IsSet || TemplateId.IsSet || Metadata.IsSet;

    public static PostInput Read(JsonElement body, List<FieldError> errors)
    {
        var input = new PostInput();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("body", "Must be a JSON object"));
            return input;
        }
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "platform": input.Platform = Read(errors, "platform", value, ReadPlatform); break;
                case "content": input.Content = Read(errors, "content", value, ReadContent); break;
                case "hashtags": input.Hashtags = Read(errors, "hashtags", value, ReadHashtags); break;
                case "idea_source": input.IdeaSource = Read(errors, "idea_source", value, v => OrNull(v, ReadString)); break;
                case "ai_generated": input.AiGenerated = Read(errors, "ai_generated", value, ReadBool); break;
                case "rating": input.Rating = Read(errors, "rating", value, v => OrNull(v, ReadRating)); break;
                case "media_ids": input.MediaIds = Read(errors, "media_ids", value, ReadMediaIds); break;
                case "template_id": input.TemplateId = Read(errors, "template_id", value, v => OrNull(v, ReadGuid)); break;
                case "metadata": input.Metadata = Read(errors, "metadata", value, ReadObject); break;
                case "updated_at": input.UpdatedAt = Read(errors, "updated_at", value, ReadTimestamp); break;
            }
        }
        return input;
    }

    public void RequireForCreation(List<FieldError> errors)
    {
        if (!Content.IsSet && errors.All(e => e.Field != "content"))
        {
            errors.Add(new FieldError("content", "Required"));
        }
        if (!Platform.IsSet && errors.All(e => e.Field != "platform"))
        {
            errors.Add(new FieldError("platform", "Required"));
        }
    }

    private static int? ReadRating(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var rating) && rating is >= 1 and <= 5
            ? rating
            : throw new FieldException("Must be an integer from 1 to 5");

    private sealed class FieldException(string message) : Exception(message);

    private static Optional<T> Read<T>(List<FieldError> errors, string field, JsonElement value, Func<JsonElement, T> read)
    {
        try
        {
            return read(value);
        }
        catch (FieldException ex)
        {
            errors.Add(new FieldError(field, ex.Message));
            return default;
        }
    }

    private static T? OrNull<T>(JsonElement value, Func<JsonElement, T> read) =>
        value.ValueKind == JsonValueKind.Null ? default : read(value);

    private static string ReadString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FieldException("Must be a string");

    private static string ReadContent(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new FieldException("Required");

    private static bool ReadBool(JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new FieldException("Must be true or false");

    private static PostPlatform ReadPlatform(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "linkedin" => PostPlatform.Linkedin,
            "instagram" => PostPlatform.Instagram,
            "both" => PostPlatform.Both,
            _ => throw new FieldException("Must be one of linkedin, instagram, both"),
        }
        : throw new FieldException("Must be one of linkedin, instagram, both");

    private static List<string> ReadHashtags(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String || !IsHashtag(t.GetString()!.TrimStart('#'))))
        {
            throw new FieldException("Must be a list of words without spaces");
        }
        // Stored without '#': the platforms' text gets it back when the post is published.
        return value.EnumerateArray().Select(t => t.GetString()!.TrimStart('#')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool IsHashtag(string tag) => tag.Length is > 0 and <= 100 && !tag.Any(c => char.IsWhiteSpace(c) || c == '#');

    private static List<Guid> ReadMediaIds(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !v.TryGetGuid(out _)))
        {
            throw new FieldException("Must be a list of media ids");
        }
        var ids = value.EnumerateArray().Select(v => v.GetGuid()).Distinct().ToList();
        return ids.Count <= MaxMedia ? ids : throw new FieldException($"A post can have at most {MaxMedia} media");
    }

    private static Guid? ReadGuid(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id) ? id : throw new FieldException("Must be an id");

    private static JsonElement ReadObject(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.Clone() : throw new FieldException("Must be an object");

    private static DateTimeOffset ReadTimestamp(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at)
            ? at
            : throw new FieldException("Must be an ISO-8601 timestamp");
}
