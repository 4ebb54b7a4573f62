using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Api.Media;

/// <summary>One upload, from the multipart body to a committed row and visible files. The body is streamed to a
/// staging file (never buffered), the format is decided by the bytes, the quota is reserved under a per-user lock,
/// and files become visible only after their row is committed.</summary>
public sealed class MediaUploads(AppDbContext db, IMediaStore store, IOptions<MediaOptions> options, TimeProvider clock,
    ILogger<MediaUploads> logger)
{
    /// <summary>The largest file plus room for the multipart framing and the small fields.</summary>
    public const long MaxRequestBytes = 100L * 1024 * 1024 + 64 * 1024;

    public const int MaxTags = 30;
    public const int MaxTagLength = 50;
    public const int MaxAltTextLength = 1_000;
    private const int MaxFieldBytes = 16 * 1024;

    private readonly List<string> _staged = [];

    public async Task<MediaItem> UploadAsync(HttpRequest request, Guid userId, CancellationToken ct)
    {
        try
        {
            var form = await ReadFormAsync(request, ct);
            var item = await DescribeAsync(form, userId, ct);
            await InsertWithinQuotaAsync(item, ct);
            await MakeVisibleAsync(item, form, ct);
            return item;
        }
        finally
        {
            foreach (var file in _staged.Where(File.Exists))
            {
                File.Delete(file);
            }
        }
    }

    private sealed record UploadForm(string StagedFile, long Size, MediaFormat Format, string Filename, List<string> Tags, string? AltText)
    {
        public string? Thumbnail { get; set; }
        public string? InstagramRendition { get; set; }
    }

    private async Task<UploadForm> ReadFormAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw Problem(ApiProblem.Validation("file", "Media.SendMultipart"));
        }
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MaxRequestBytes };
        (string Path, long Size, MediaFormat Format, string Filename)? file = null;
        var tags = new List<string>();
        string? altText = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (disposition.IsFileDisposition() && name == "file")
            {
                var filename = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                file = await StageAsync(section, filename, ct);
            }
            else if (name == "tags")
            {
                tags.AddRange(ParseTags(await ReadFieldAsync(section, "tags", ct)));
            }
            else if (name == "alt_text")
            {
                altText = await ReadFieldAsync(section, "alt_text", ct);
            }
        }
        if (file is not { } f)
        {
            throw Problem(ApiProblem.Validation("file", RequestValidation.Required));
        }
        return new UploadForm(f.Path, f.Size, f.Format, f.Filename, CheckTags(tags), CheckAltText(altText));
    }

    /// <summary>Copies the file part to a staging file, deciding the format from its first bytes and stopping as soon
    /// as it outgrows that format's limit: an oversized upload costs one limit's worth of disk, never memory.</summary>
    private async Task<(string, long, MediaFormat, string)> StageAsync(MultipartSection section, string filename, CancellationToken ct)
    {
        if (UnstorableText.Find(filename) is { } unstorable)
        {
            throw Problem(UnstorableText.Problem("file", unstorable, "file name"));
        }
        if (filename.Length is 0 or > 255)
        {
            throw Problem(ApiProblem.Validation("file", "Media.FileName"));
        }
        var head = new byte[MediaFormats.SniffLength];
        var headLength = await section.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var format = MediaFormats.Sniff(head.AsSpan(0, headLength))
            ?? throw Problem(ApiProblem.Validation("file", "Media.Unsupported", MediaFormats.Describe()));
        if (MediaFormats.Contradiction(format, section.ContentType, filename) is { } contradiction)
        {
            throw Problem(ApiProblem.Validation([FieldProblem.Verbatim("file", contradiction)]));
        }

        var path = store.NewStagingFile();
        _staged.Add(path);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await target.WriteAsync(head.AsMemory(0, headLength), ct);
        long size = headLength;
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await section.Body.ReadAsync(buffer, ct)) > 0)
        {
            size += read;
            if (size > format.MaxBytes)
            {
                throw Problem(ApiProblem.PayloadTooLarge(
                    ApiText.Of("Media.FormatTooLarge", format.Name, format.MaxBytes / (1024 * 1024))));
            }
            await target.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        return (path, size, format, filename);
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string field, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var length = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        return length > MaxFieldBytes
            ? throw Problem(ApiProblem.Validation(field, "Validation.TooLong"))
            : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
    }

    /// <summary>Clients send tags as the spec shows (a JSON array in one field), comma-separated, or as repeated
    /// fields; all three are accepted.</summary>
    public static IEnumerable<string> ParseTags(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith('['))
        {
            return trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        try
        {
            return JsonSerializer.Deserialize<List<string>>(trimmed)?.Select(t => t.Trim()).Where(t => t.Length > 0) ?? [];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an escaped lone surrogate, which cannot become a string.
            throw Problem(ApiProblem.Validation("tags", "Media.TagsShape"));
        }
    }

    public static List<string> CheckTags(IEnumerable<string> tags)
    {
        var distinct = tags.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Select(UnstorableText.Find).FirstOrDefault(r => r is not null) is { } unstorable)
        {
            throw Problem(UnstorableText.Problem("tags", unstorable));
        }
        if (distinct.Count > MaxTags || distinct.Any(t => t.Length > MaxTagLength))
        {
            throw Problem(ApiProblem.Validation("tags", "Media.TagsLimit", MaxTags, MaxTagLength));
        }
        return distinct;
    }

    public static string? CheckAltText(string? altText) =>
        UnstorableText.Find(altText) is { } unstorable ? throw Problem(UnstorableText.Problem("alt_text", unstorable))
        : altText?.Length > MaxAltTextLength ? throw Problem(ApiProblem.Validation("alt_text", "Validation.MaxCharacters", MaxAltTextLength))
        : string.IsNullOrWhiteSpace(altText) ? null : altText.Trim();

    private async Task<MediaItem> DescribeAsync(UploadForm form, Guid userId, CancellationToken ct)
    {
        InspectedMedia inspected;
        try
        {
            inspected = await MediaInspector.InspectAsync(form.StagedFile, form.Format, ct);
        }
        catch (MediaRejectedException e)
        {
            throw Problem(ApiProblem.Validation([FieldProblem.Verbatim("file", e.Message)]));
        }
        var id = Guid.NewGuid();
        var storagePath = MediaPaths.Original(userId, id, form.Format);
        var item = new MediaItem
        {
            Id = id, UserId = userId, Type = form.Format.Type, Filename = form.Filename, StoragePath = storagePath,
            Url = MediaMapping.UnsignedUrl(storagePath), MimeType = form.Format.MimeType, SizeBytes = form.Size,
            Width = inspected.Width, Height = inspected.Height, Duration = inspected.DurationSeconds, Tags = form.Tags,
            AltText = form.AltText,
        };
        if (inspected.ThumbnailJpeg is { } thumbnail)
        {
            form.Thumbnail = await StageBytesAsync(thumbnail, ct);
        }
        if (InstagramImage.HasRendition(item))
        {
            await using var original = File.OpenRead(form.StagedFile);
            form.InstagramRendition = await StageBytesAsync(InstagramImage.ToJpeg(original), ct);
        }
        return item;
    }

    private async Task<string> StageBytesAsync(byte[] bytes, CancellationToken ct)
    {
        var path = store.NewStagingFile();
        _staged.Add(path);
        await File.WriteAllBytesAsync(path, bytes, ct);
        return path;
    }

    /// <summary>Parallel uploads of one user serialise on a transaction-scoped advisory lock, so the sum they each
    /// check includes every upload committed before them and the quota is never overshot.</summary>
    private async Task InsertWithinQuotaAsync(MediaItem item, CancellationToken ct)
    {
        var quota = options.Value.QuotaBytesPerUser;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('media-quota:' || {item.UserId.ToString()}, 0))", ct);
        var used = await db.Media.Where(m => m.UserId == item.UserId).SumAsync(m => m.SizeBytes, ct);
        if (used + item.SizeBytes > quota)
        {
            throw Problem(ApiProblem.InsufficientStorage(
                ApiText.Of("Media.QuotaExceeded", Megabytes(quota), Megabytes(used), Megabytes(item.SizeBytes))));
        }
        item.CreatedAt = clock.GetUtcNow();
        db.Media.Add(item);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>After the commit: should a move fail, the row goes too, so no row points at a missing file.</summary>
    private async Task MakeVisibleAsync(MediaItem item, UploadForm form, CancellationToken ct)
    {
        try
        {
            if (form.Thumbnail is { } thumbnail)
            {
                await store.CommitAsync(thumbnail, MediaPaths.Thumbnail(item), ct);
            }
            if (form.InstagramRendition is { } rendition)
            {
                await store.CommitAsync(rendition, MediaPaths.InstagramRendition(item), ct);
            }
            await store.CommitAsync(form.StagedFile, item.StoragePath, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Storing media {MediaId} failed; removing its row", item.Id);
            await db.Media.Where(m => m.Id == item.Id).ExecuteDeleteAsync(CancellationToken.None);
            foreach (var path in MediaPaths.AllFiles(item))
            {
                await store.DeleteAsync(path, CancellationToken.None);
            }
            throw;
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";

    private static ApiProblemException Problem(ApiProblem problem) => new(problem);
}
