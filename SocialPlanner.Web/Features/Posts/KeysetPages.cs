namespace SocialPlanner.Web.Features.Posts;

/// <summary>
/// Numbered pages over the Api's keyset pagination: page n starts after the cursor page n-1 ended with, so a
/// jump ahead walks the pages in between once and remembers their cursors.
/// </summary>
public sealed class KeysetPages(Func<Guid?, int, Task<PostPage>> fetch)
{
    private readonly Dictionary<int, Guid?> _starts = new() { [0] = null };

    public async Task<PostPage> PageAsync(int index, int size)
    {
        var known = _starts.Keys.Where(k => k <= index).Max();
        while (true)
        {
            var page = await fetch(_starts[known], size);
            if (page.Meta.NextCursor is { } next)
            {
                _starts[known + 1] = next;
            }
            if (known == index || page.Meta.NextCursor is null)
            {
                return page;
            }
            known++;
        }
    }
}
