using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Posts;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Data;

public sealed class PostSearchTests(AppFixture app) : DataTest(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("conseils")]          // French stemming: conseil ≈ conseils
    [InlineData("networking")]        // English stemming: networks ≈ networking
    [InlineData("#growth")]           // the simple parsing keeps plain words of hashtags
    [InlineData("\"trois conseils\"")] // web-search phrase
    public async Task Search_finds_a_post_by_french_or_english_words(string query)
    {
        var user = await CreateUserAsync();
        var match = await CreatePostAsync(user, "Trois conseil pour vos networks #growth");
        await CreatePostAsync(user, "Rien à voir");

        var found = await PostSearch.Apply(AsUser(user).Posts, query).Select(p => p.Id).ToListAsync(Ct);

        Assert.Equal([match.Id], found);
    }

    [Fact]
    public async Task A_blank_search_filters_nothing()
    {
        var user = await CreateUserAsync();
        await CreatePostAsync(user, "un");
        await CreatePostAsync(user, "deux");

        Assert.Equal(2, await PostSearch.Apply(AsUser(user).Posts, "  ").CountAsync(Ct));
    }
}
