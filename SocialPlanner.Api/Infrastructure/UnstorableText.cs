using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>Refuses, before any endpoint runs, text that Postgres cannot store: a NUL character or a lone UTF-16
/// surrogate (which JSON can carry as <c>\ud800</c>) in any query parameter or any string of a JSON body, whatever the
/// endpoint binds it to (a typed request, a raw <see cref="JsonElement"/>, a dictionary of template variables). The
/// answer is a 400 in the spec's format naming the field (its JSON path, e.g. <c>variables.name</c>), and nothing
/// was read, let alone written. Form fields (media uploads) are checked where the form is read
/// (<see cref="Find(string)"/>).</summary>
public static class UnstorableText
{
    /// <summary>Bodies larger than this are left to the endpoint's own limits (none of ours takes JSON this large).</summary>
    private const int MaxInspectedBody = 4 * 1024 * 1024;

    public static IApplicationBuilder UseUnstorableTextGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (await FindAsync(http.Request) is { } problem)
        {
            await problem.ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private const string LoneSurrogate = "Unstorable.LoneSurrogate";

    /// <summary>Why <paramref name="value"/> cannot be stored (an <see cref="ApiStrings"/> key whose text names the
    /// field), or null when it can.</summary>
    public static string? Find(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "Unstorable.Nul";
            }
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return LoneSurrogate;
            }
        }
        return null;
    }

    /// <summary>The 400 for <see cref="Find(string)"/>'s reason, naming the value as <paramref name="label"/> (the field by default).</summary>
    public static ApiProblem Problem(string field, string reason, string? label = null) => ApiProblem.Validation(field, reason, label ?? field);

    private static async Task<ApiProblem?> FindAsync(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (Find(name) is { } badName)
            {
                return Problem("query", badName);
            }
            foreach (var value in values)
            {
                if (Find(value) is { } reason)
                {
                    return Problem(name, reason);
                }
            }
        }

        if (request.HasJsonContentType() && request.ContentLength is null or <= MaxInspectedBody)
        {
            request.EnableBuffering();
            var body = await ReadAsync(request.Body, request.HttpContext.RequestAborted);
            request.Body.Position = 0;
            return body is null ? null : FindInJson(body.Value);
        }
        return null;
    }

    private static async Task<ArraySegment<byte>?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxInspectedBody)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        // The stream's own buffer, not a copy of it.
        return new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Walks the JSON's tokens with their paths; malformed JSON is left to the endpoint's binding (which
    /// answers it as malformed).</summary>
    private static ApiProblem? FindInJson(ArraySegment<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var path = new List<string>();
        var pendingProperty = (string?)null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(pendingProperty ?? "");
                        pendingProperty = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        if (Find(pendingProperty) is { } badName)
                        {
                            return Problem(FieldOf(path, "property name"), badName);
                        }
                        break;
                    case JsonTokenType.String:
                        if (Find(reader.GetString()) is { } reason)
                        {
                            return Problem(FieldOf(path, pendingProperty), reason);
                        }
                        pendingProperty = null;
                        break;
                    default:
                        pendingProperty = null;
                        break;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // GetString refuses to unescape a lone surrogate (\ud800): that is exactly the text we refuse.
            return Problem(FieldOf(path, reader.TokenType == JsonTokenType.PropertyName ? "property name" : pendingProperty),
                LoneSurrogate);
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    /// <summary>The field's name as the client wrote it: its property, prefixed by the enclosing properties
    /// (<c>variables.name</c>); the body itself is <c>body</c>.</summary>
    private static string FieldOf(List<string> path, string? property)
    {
        var parts = path.Where(p => p.Length > 0).Append(property ?? "").Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "body" : string.Join('.', parts);
    }
}
