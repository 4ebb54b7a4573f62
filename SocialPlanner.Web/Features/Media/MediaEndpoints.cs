using System.Text.Json;
using SocialPlanner.Web.Features.Api;

namespace SocialPlanner.Web.Features.Media;

public static class MediaEndpoints
{
    /// <summary>
    /// The browser uploads to the Web (same origin, cookie + antiforgery), which streams the file on to the Api with
    /// the user's token: the Api's tokens never reach the browser. Errors keep the Api's shape and status.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        // Whatever field name the upload component uses, every file of the form is uploaded, in order.
        app.MapPost("/media/upload", async (IFormFileCollection files, MediaClient media, CancellationToken ct) =>
        {
            try
            {
                var uploaded = new List<MediaItem>();
                foreach (var file in files)
                {
                    await using var stream = file.OpenReadStream();
                    uploaded.Add(await media.UploadAsync(stream, file.FileName, file.ContentType, ct));
                }
                return Results.Json(uploaded, ApiJson.Options, statusCode: StatusCodes.Status201Created);
            }
            catch (ApiException e)
            {
                return Results.Json(new { error = e.Problem }, ApiJson.Options, statusCode: e.Status);
            }
        }).RequireAuthorization();
        return app;
    }

    /// <summary>What an upload error body says, in words; <paramref name="failed"/> when it is not the Api's error.</summary>
    public static ApiProblem ProblemOf(string? body, string failed)
    {
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            if (json.RootElement.TryGetProperty("error", out var error) && error.Deserialize<ApiProblem>(ApiJson.Options) is { } problem)
            {
                return problem;
            }
        }
        catch (JsonException)
        {
            // Not the Api's shape (a proxy's page, an aborted request): fall through to a generic sentence.
        }
        return new ApiProblem(null, failed, 400, string.IsNullOrWhiteSpace(body) ? null : body, null, []);
    }
}
