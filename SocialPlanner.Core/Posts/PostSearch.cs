using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace SocialPlanner.Core.Posts;

/// <summary>Full-text search over post content. <c>posts.search_vector</c> holds the content parsed three ways
/// ('simple' for exact words and hashtags, 'english' and 'french' for stemmed forms), so a query matches when
/// any of its three parsings does, through the one GIN index.</summary>
public static class PostSearch
{
    /// <summary>The shadow property (column <c>search_vector</c>); Postgres generates it, EF never writes it.</summary>
    public const string SearchVector = nameof(SearchVector);

    /// <summary>Keeps the posts matching <paramref name="text"/> in web-search syntax ("quoted phrase", -word, or);
    /// blank text filters nothing.</summary>
    public static IQueryable<Post> Apply(IQueryable<Post> posts, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return posts;
        }

        return posts.Where(p => EF.Property<NpgsqlTsVector>(p, SearchVector).Matches(
            EF.Functions.WebSearchToTsQuery("simple", text)
                .Or(EF.Functions.WebSearchToTsQuery("english", text))
                .Or(EF.Functions.WebSearchToTsQuery("french", text))));
    }
}
