using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Media;

namespace SocialPlanner.Sandbox.LinkedIn;

public sealed record LinkedInPost(
    string Urn,
    string Author,
    string SentCommentary,
    string Commentary,
    string VisibleText,
    string Visibility,
    string LifecycleState,
    string? MediaId,
    string? AltText,
    DateTimeOffset CreatedAt,
    IReadOnlyList<LinkedInPostImage>? MultiImage = null);

/// <summary>One image of a <c>multiImage</c> post, in the post's order.</summary>
public sealed record LinkedInPostImage(string Id, string? AltText);

public sealed record LinkedInImage(string Id, string Owner, DateTimeOffset UploadUrlExpiresAt, byte[]? Bytes, ImageFacts? Facts, int ProcessingPollsLeft)
{
    public string Urn => $"urn:li:image:{Id}";

    public string Status => Bytes is null ? "WAITING_UPLOAD" : ProcessingPollsLeft > 0 ? "PROCESSING" : Facts is null ? "PROCESSING_FAILED" : "AVAILABLE";
}

/// <summary>Posts and images members created through this app.</summary>
public sealed class LinkedInContent : IResettable
{
    private const long FirstShareNumber = 7_400_000_000_000_000_000;

    private readonly Lock _gate = new();
    private readonly List<LinkedInPost> _posts = [];
    private readonly Dictionary<string, LinkedInImage> _images = new(StringComparer.Ordinal);
    private long _lastNumber;

    /// <summary>Stores the post unless the author already posted the same commentary within the window; then returns that one.</summary>
    public (LinkedInPost Post, bool Duplicate) Create(Func<string, LinkedInPost> build, string author, string sentCommentary, DateTimeOffset duplicatesSince)
    {
        lock (_gate)
        {
            var existing = _posts.FindLast(p => p.Author == author && p.SentCommentary == sentCommentary && p.CreatedAt >= duplicatesSince);
            if (existing is not null)
            {
                return (existing, true);
            }

            var post = build($"urn:li:share:{FirstShareNumber + ++_lastNumber}");
            _posts.Add(post);
            return (post, false);
        }
    }

    public LinkedInPost? Find(string urn)
    {
        lock (_gate)
        {
            return _posts.Find(p => p.Urn == urn);
        }
    }

    public IReadOnlyList<LinkedInPost> ByAuthor(string author)
    {
        lock (_gate)
        {
            return _posts.Where(p => p.Author == author).OrderByDescending(p => p.CreatedAt).ToList();
        }
    }

    public long NextCommentNumber()
    {
        lock (_gate)
        {
            return ++_lastNumber;
        }
    }

    public LinkedInImage NewImage(string owner, DateTimeOffset uploadUrlExpiresAt)
    {
        lock (_gate)
        {
            var image = new LinkedInImage($"D4E10SBX{++_lastNumber:D8}", owner, uploadUrlExpiresAt, null, null, 0);
            _images[image.Id] = image;
            return image;
        }
    }

    public LinkedInImage? Upload(string id, byte[] bytes, int processingPolls)
    {
        lock (_gate)
        {
            if (!_images.TryGetValue(id, out var image))
            {
                return null;
            }

            return _images[id] = image with { Bytes = bytes, Facts = ImageFacts.Read(bytes), ProcessingPollsLeft = processingPolls };
        }
    }

    /// <summary>Reads an image's state; each read while processing brings it one step closer to available.</summary>
    public LinkedInImage? Poll(string urnOrId)
    {
        var id = urnOrId.StartsWith("urn:li:image:", StringComparison.Ordinal) ? urnOrId["urn:li:image:".Length..] : urnOrId;
        lock (_gate)
        {
            if (!_images.TryGetValue(id, out var image))
            {
                return null;
            }

            if (image.ProcessingPollsLeft > 0)
            {
                _images[id] = image with { ProcessingPollsLeft = image.ProcessingPollsLeft - 1 };
            }

            return image;
        }
    }

    public LinkedInImage? Image(string urn)
    {
        lock (_gate)
        {
            return _images.Values.FirstOrDefault(i => i.Urn == urn);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _posts.Clear();
            _images.Clear();
        }
    }
}
