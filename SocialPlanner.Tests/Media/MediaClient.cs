using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Media;

/// <summary>Uploads as a client does (multipart/form-data), for media tests and for posts that need media.</summary>
public static class MediaClient
{
    public static MultipartFormDataContent Form(byte[] bytes, string filename, string? contentType, params (string Name, string Value)[] fields)
    {
        var file = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        var form = new MultipartFormDataContent { { file, "file", filename } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(TestUser user, byte[] bytes, string filename, string? contentType,
        params (string, string)[] fields) =>
        user.Http.PostAsync("/api/media/upload", Form(bytes, filename, contentType, fields), Ct);

    public static async Task<JsonNode> UploadOkAsync(TestUser user, byte[] bytes, string filename, string contentType,
        params (string, string)[] fields)
    {
        var response = await UploadAsync(user, bytes, filename, contentType, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadJsonAsync())["data"]!;
    }

    /// <summary>A square image, fit for every platform; returns its media id.</summary>
    public static async Task<string> UploadImageAsync(this TestUser user) =>
        (await UploadOkAsync(user, MediaSamples.Jpeg(1080, 1080), "square.jpg", "image/jpeg"))["id"]!.GetValue<string>();

    /// <summary>A JPEG of that size, so a test can tell a post's images apart by their dimensions; returns its media id.</summary>
    public static async Task<string> UploadImageAsync(this TestUser user, int width, int height) =>
        (await UploadOkAsync(user, MediaSamples.Jpeg(width, height), $"{width}x{height}.jpg", "image/jpeg"))["id"]!.GetValue<string>();
}
