using System.Text.Json;
using FluentValidation.Results;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Api.Posts;

/// <summary>A field of a partial update: absent (leave as is) is not the same as present with null (clear it).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);
}

/// <summary>The writable fields of a post as sent by a client, read from raw JSON so that <c>PATCH</c> can tell
/// absent from null. Reading only sorts out values of the wrong JSON type (<see cref="Malformed"/>); the rules on
/// the values are <see cref="PostInputValidator"/>'s, which reports both.</summary>
public sealed class PostInput
{
    private readonly List<ValidationFailure> _malformed = [];
    private readonly List<string> _fields = [];

    public Optional<PostPlatform> Platform { get; private set; }
    public Optional<string> Content { get; private set; }
    public Optional<List<string>> Hashtags { get; private set; }
    public Optional<string?> IdeaSource { get; private set; }
    public Optional<bool> AiGenerated { get; private set; }
    public Optional<int?> Rating { get; private set; }
    public Optional<List<Guid>> MediaIds { get; private set; }
    public Optional<Guid?> TemplateId { get; private set; }
    public Optional<JsonElement> Metadata { get; private set; }
    public Optional<string?> FirstComment { get; private set; }
    public Optional<string?> FirstCommentLinkedin { get; private set; }
    public Optional<string?> FirstCommentInstagram { get; private set; }
    /// <summary>The version the client edited; a different one in the database means someone else saved first.</summary>
    public Optional<DateTimeOffset> UpdatedAt { get; private set; }

    public bool ChangesAnything =>
        Platform.IsSet || Content.IsSet || Hashtags.IsSet || IdeaSource.IsSet || AiGenerated.IsSet || Rating.IsSet
        || MediaIds.IsSet || TemplateId.IsSet || Metadata.IsSet
        || FirstComment.IsSet || FirstCommentLinkedin.IsSet || FirstCommentInstagram.IsSet;

    /// <summary>The fields whose JSON value has the wrong type (or a body that is no object), in the body's order.</summary>
    public IReadOnlyList<ValidationFailure> Malformed => _malformed;

    public bool IsMalformed(string field) => _malformed.Any(f => f.PropertyName == field);

    /// <summary>Where the body names <paramref name="field"/>: the body itself comes first, fields it lacks last.</summary>
    public int PositionOf(string field) =>
        field == "body" ? -1 : _fields.IndexOf(field) is >= 0 and var index ? index : int.MaxValue;

    public static PostInput Read(JsonElement body)
    {
        var input = new PostInput();
        if (body.ValueKind != JsonValueKind.Object)
        {
            input._malformed.Add(RequestValidation.Failure("body", "Validation.JsonObject"));
            return input;
        }
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            input._fields.Add(property.Name);
            switch (property.Name)
            {
                case "platform": input.Platform = input.Read("platform", value, ReadPlatform); break;
                case "content": input.Content = input.Read("content", value, ReadContent); break;
                case "hashtags": input.Hashtags = input.Read("hashtags", value, ReadHashtags); break;
                case "idea_source": input.IdeaSource = input.Read("idea_source", value, v => OrNull(v, ReadString)); break;
                case "ai_generated": input.AiGenerated = input.Read("ai_generated", value, ReadBool); break;
                case "rating": input.Rating = input.Read("rating", value, v => OrNull(v, ReadRating)); break;
                case "media_ids": input.MediaIds = input.Read("media_ids", value, ReadMediaIds); break;
                case "template_id": input.TemplateId = input.Read("template_id", value, v => OrNull(v, ReadGuid)); break;
                case "metadata": input.Metadata = input.Read("metadata", value, ReadObject); break;
                case "first_comment": input.FirstComment = input.Read("first_comment", value, v => OrNull(v, ReadString)); break;
                case "first_comment_linkedin": input.FirstCommentLinkedin = input.Read("first_comment_linkedin", value, v => OrNull(v, ReadString)); break;
                case "first_comment_instagram": input.FirstCommentInstagram = input.Read("first_comment_instagram", value, v => OrNull(v, ReadString)); break;
                case "updated_at": input.UpdatedAt = input.Read("updated_at", value, ReadTimestamp); break;
            }
        }
        return input;
    }

    private static int? ReadRating(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var rating)
            ? rating
            : throw new FieldException(PostInputValidator.RatingRange);

    /// <summary>A value of the wrong JSON type; its message is the <see cref="ApiStrings"/> key.</summary>
    private sealed class FieldException(string key) : Exception(key);

    private Optional<T> Read<T>(string field, JsonElement value, Func<JsonElement, T> read)
    {
        try
        {
            return read(value);
        }
        catch (FieldException ex)
        {
            _malformed.Add(RequestValidation.Failure(field, ex.Message));
            return default;
        }
    }

    private static T? OrNull<T>(JsonElement value, Func<JsonElement, T> read) =>
        value.ValueKind == JsonValueKind.Null ? default : read(value);

    private static string ReadString(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FieldException("Validation.String");

    private static string ReadContent(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new FieldException(RequestValidation.Required);

    private static bool ReadBool(JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw new FieldException("Validation.Boolean");

    private static PostPlatform ReadPlatform(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? value.GetString() switch
        {
            "linkedin" => PostPlatform.Linkedin,
            "instagram" => PostPlatform.Instagram,
            "both" => PostPlatform.Both,
            _ => throw new FieldException("Posts.PlatformOneOf"),
        }
        : throw new FieldException("Posts.PlatformOneOf");

    private static List<string> ReadHashtags(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            throw new FieldException(PostInputValidator.HashtagWords);
        }
        // Stored without '#': the platforms' text gets it back when the post is published.
        return value.EnumerateArray().Select(t => t.GetString()!.TrimStart('#')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static List<Guid> ReadMediaIds(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String || !v.TryGetGuid(out _)))
        {
            throw new FieldException("Posts.MediaIds");
        }
        return value.EnumerateArray().Select(v => v.GetGuid()).Distinct().ToList();
    }

    private static Guid? ReadGuid(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id) ? id : throw new FieldException("Validation.Id");

    private static JsonElement ReadObject(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value.Clone() : throw new FieldException("Validation.Object");

    private static DateTimeOffset ReadTimestamp(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var at)
            ? at
            : throw new FieldException("Validation.Timestamp");
}
