using System.Net.Http.Headers;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Media;

public sealed record MediaItem(
    Guid Id, MediaType Type, string Filename, string Url, string MimeType, long SizeBytes, int? Width, int? Height,
    IReadOnlyList<string> Tags, string? AltText, string? ThumbnailUrl, DateTimeOffset CreatedAt)
{
    /// <summary>The small image for grids: the thumbnail when the Api made one.</summary>
    public string PreviewUrl => ThumbnailUrl ?? Url;

    public PostMedia AsPostMedia() => new(Id, Url, Type, ThumbnailUrl, AltText);
}

public sealed record MediaUpdate(IReadOnlyList<string> Tags, string? AltText);

/// <summary>The Api's <c>/api/media</c> endpoints.</summary>
public sealed class MediaClient(ApiHttp http)
{
    public async Task<(IReadOnlyList<MediaItem> Items, int Total)> ListAsync(MediaType? type = null, IReadOnlyList<string>? tags = null,
        int limit = 100, CancellationToken ct = default)
    {
        var parameters = new List<string> { $"limit={limit}" };
        if (type is { } t)
        {
            parameters.Add("type=" + t.ToString().ToLowerInvariant());
        }
        if (tags is { Count: > 0 })
        {
            parameters.Add("tags=" + Uri.EscapeDataString(string.Join(',', tags)));
        }
        var answer = await http.GetAsync<List<MediaItem>>($"/api/media?{string.Join('&', parameters)}", ct);
        return (answer.Data, answer.MetaValue<int?>("total") ?? answer.Data.Count);
    }

    public async Task<MediaItem> UploadAsync(Stream file, string fileName, string contentType, CancellationToken ct = default)
    {
        using var content = new MultipartFormDataContent();
        var part = new StreamContent(file);
        part.Headers.ContentType = MediaTypeHeaderValue.TryParse(contentType, out var type) ? type : new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/media/upload") { Content = content };
        return (await http.SendAsync<MediaItem>(request, ct)).Data;
    }

    public async Task<MediaItem> UpdateAsync(Guid id, MediaUpdate update, CancellationToken ct = default) =>
        (await http.PatchAsync<MediaItem>($"/api/media/{id}", update, ct)).Data;

    public Task DeleteAsync(Guid id, CancellationToken ct = default) => http.DeleteAsync($"/api/media/{id}", ct);
}
