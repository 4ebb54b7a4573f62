namespace SocialPlanner.Web.Features.Posts;

/// <summary>
/// What the editor holds between saves: the fields being edited, the version they were loaded from (sent back
/// for optimistic locking) and whether anything changed since the last save.
/// </summary>
public sealed class PostEditorState
{
    private readonly List<PostMedia> _media = [];

    public Guid? Id { get; private set; }
    public PostPlatform Platform { get; private set; } = PostPlatform.Linkedin;
    public string Content { get; private set; } = "";
    public string HashtagsText { get; private set; } = "";
    public IReadOnlyList<PostMedia> Media => _media;
    /// <summary>The first comment for every network of the post; a network's own one (below) replaces it there.</summary>
    public string? FirstComment { get; private set; }
    public string? FirstCommentLinkedin { get; private set; }
    public string? FirstCommentInstagram { get; private set; }
    public PostStatus Status { get; private set; } = PostStatus.Draft;
    public DateTimeOffset? ScheduledAt { get; private set; }
    public string? ErrorMessage { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>Where the post went out, with its links there (a published post is shown read-only).</summary>
    public IReadOnlyList<PostPublication> Publications { get; private set; } = [];
    /// <summary>A published post's latest figures per network, as the Worker collected them.</summary>
    public IReadOnlyList<Insights.PostFigures> Figures { get; private set; } = [];
    public int? Rating { get; private set; }
    public string? IdeaSource { get; set; }
    public bool AiGenerated { get; set; }
    /// <summary>The version this editor started from; the Api answers 409 if the post has moved on since.</summary>
    public DateTimeOffset? LoadedVersion { get; private set; }
    public bool IsDirty { get; private set; }

    public bool IsNew => Id is null;
    public bool CanSave => !string.IsNullOrWhiteSpace(Content);
    public IReadOnlyList<string> Hashtags => PostMetrics.ParseHashtags(HashtagsText);
    public IReadOnlyList<NetworkMetrics> Metrics =>
        PostMetrics.NetworksOf(Platform).Select(n => PostMetrics.Measure(n, Content, Hashtags)).ToList();

    public void Load(Post post)
    {
        Id = post.Id;
        Platform = post.Platform;
        Content = post.Content;
        HashtagsText = string.Join(' ', post.Hashtags.Select(h => "#" + h));
        _media.Clear();
        _media.AddRange(post.Media);
        (FirstComment, FirstCommentLinkedin, FirstCommentInstagram) = (post.FirstComment, post.FirstCommentLinkedin, post.FirstCommentInstagram);
        Status = post.Status;
        ScheduledAt = post.ScheduledAt;
        ErrorMessage = post.ErrorMessage;
        PublishedAt = post.PublishedAt;
        Publications = post.Publications ?? [];
        Figures = Insights.PostFigures.From(post.Metadata);
        Rating = post.Rating;
        IdeaSource = post.IdeaSource;
        AiGenerated = post.AiGenerated;
        LoadedVersion = post.UpdatedAt;
        IsDirty = false;
    }

    /// <summary>After a save: the Api's answer becomes the new base version, unless the user typed meanwhile.</summary>
    public void Saved(Post post, bool changedSinceSending)
    {
        Id = post.Id;
        Status = post.Status;
        ScheduledAt = post.ScheduledAt;
        ErrorMessage = post.ErrorMessage;
        LoadedVersion = post.UpdatedAt;
        IsDirty = changedSinceSending;
    }

    public void SetContent(string content) => Change(() => Content = content);

    public void AppendContent(string delta) => Change(() => Content += delta);

    public void SetHashtags(string text) => Change(() => HashtagsText = text);

    public void SetHashtags(IEnumerable<string> hashtags) => SetHashtags(string.Join(' ', hashtags.Select(h => "#" + PostMetrics.Normalize(h))));

    /// <summary>The comment <paramref name="network"/> gets: its own, else the shared one; empty when none.</summary>
    public string FirstCommentFor(Network network) =>
        (network == Network.LinkedIn ? FirstCommentLinkedin : FirstCommentInstagram) is { Length: > 0 } own ? own : FirstComment ?? "";

    /// <summary>Edits the comment shown for <paramref name="network"/>: a post for both networks keeps one per network,
    /// a post for one network the shared one.</summary>
    public void SetFirstComment(Network network, string text) => Change(() =>
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text;
        if (Platform != PostPlatform.Both)
        {
            FirstComment = value;
            if (network == Network.LinkedIn)
            {
                FirstCommentLinkedin = null;
            }
            else
            {
                FirstCommentInstagram = null;
            }
        }
        else
        {
            // Editing one network's comment makes both their own, so neither changes with the other any more.
            var linkedIn = network == Network.LinkedIn ? value : NullIfBlank(FirstCommentFor(Network.LinkedIn));
            var instagram = network == Network.Instagram ? value : NullIfBlank(FirstCommentFor(Network.Instagram));
            (FirstComment, FirstCommentLinkedin, FirstCommentInstagram) = (null, linkedIn, instagram);
        }
    });

    public void SetPlatform(PostPlatform platform) => Change(() => Platform = platform);

    public void SetRating(int rating) => Rating = rating;

    public void SetMedia(IEnumerable<PostMedia> media) => Change(() =>
    {
        _media.Clear();
        _media.AddRange(media.DistinctBy(m => m.Id));
    });

    public void RemoveMedia(Guid id) => Change(() => _media.RemoveAll(m => m.Id == id));

    /// <summary>Moves the attachment at <paramref name="from"/> to <paramref name="to"/> (a drag and drop), shifting those between.</summary>
    public void MoveMediaTo(int from, int to)
    {
        if (from == to || from < 0 || from >= _media.Count || to < 0 || to >= _media.Count)
        {
            return;
        }
        Change(() =>
        {
            var moved = _media[from];
            _media.RemoveAt(from);
            _media.Insert(to, moved);
        });
    }

    /// <summary>Moves an attachment earlier (-1) or later (+1); the first one is the cover on both networks.</summary>
    public void MoveMedia(int index, int offset)
    {
        var target = index + offset;
        if (index < 0 || index >= _media.Count || target < 0 || target >= _media.Count)
        {
            return;
        }
        Change(() => (_media[index], _media[target]) = (_media[target], _media[index]));
    }

    public CreatePostRequest ToCreate() =>
        new(Platform, Content, Hashtags, IdeaSource, AiGenerated, Media.Select(m => m.Id).ToList(), null,
            FirstComment, FirstCommentLinkedin, FirstCommentInstagram);

    /// <summary>The save request; <paramref name="overwrite"/> leaves the version out so the Api accepts it over a newer one.
    /// Comments go as "" when there are none: the client leaves nulls out, and an absent field would keep the old one.</summary>
    public UpdatePostRequest ToUpdate(bool overwrite) =>
        new(Platform, Content, Hashtags, Media.Select(m => m.Id).ToList(), overwrite ? null : LoadedVersion,
            FirstComment ?? "", FirstCommentLinkedin ?? "", FirstCommentInstagram ?? "");

    private static string? NullIfBlank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private void Change(Action change)
    {
        change();
        IsDirty = true;
    }
}
