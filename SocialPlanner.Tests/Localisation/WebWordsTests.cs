using System.Globalization;
using Bunit;
using SocialPlanner.Tests.Web;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Posts;
using SocialPlanner.Web.Features.Queue;
using SocialPlanner.Web.Features.Shared;

namespace SocialPlanner.Tests.Localisation;

/// <summary>The Web's words that are built in code rather than written in a page: counts, weekday names, the Api's
/// problems in words, status badges. Each reads in the page's culture.</summary>
public sealed class WebWordsTests : RadzenTestContext
{
    [Theory]
    [InlineData("en-GB", 0, "0 posts")]
    [InlineData("en-GB", 1, "1 post")]
    [InlineData("en-GB", 1234, "1,234 posts")]
    [InlineData("fr-CH", 0, "0 post")]
    [InlineData("fr-CH", 1, "1 post")]
    [InlineData("fr-CH", 2, "2 posts")]
    public void Counts_take_the_singular_the_language_gives_them(string culture, int count, string expected)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(expected, Wording.Count(count, "post", "posts"));
    }

    [Fact]
    public void Numbers_in_counts_are_grouped_the_way_the_culture_groups_them()
    {
        using var _ = new CultureScope("fr-CH");
        var separator = CultureInfo.CurrentCulture.NumberFormat.NumberGroupSeparator;
        Assert.NotEqual(",", separator);
        Assert.Equal($"Utilisé 1{separator}234 fois", Wording.Uses(1234));
    }

    [Theory]
    [InlineData("en-GB", 0, "Not used yet")]
    [InlineData("en-GB", 2, "Used twice")]
    [InlineData("en-GB", 5, "Used 5 times")]
    [InlineData("fr-CH", 0, "Pas encore utilisé")]
    [InlineData("fr-CH", 1, "Utilisé une fois")]
    [InlineData("fr-CH", 5, "Utilisé 5 fois")]
    public void Template_uses_are_said_in_the_pages_language(string culture, int count, string expected)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(expected, Wording.Uses(count));
    }

    [Theory]
    [InlineData("en-GB", "monday", "Monday", "Mon")]
    [InlineData("en-GB", "sunday", "Sunday", "Sun")]
    [InlineData("fr-CH", "monday", "Lundi", "Lun.")]
    [InlineData("fr-CH", "wednesday", "Mercredi", "Mer.")]
    public void Weekday_names_are_the_cultures_not_title_cased_English(string culture, string weekday, string name, string shortName)
    {
        using var _ = new CultureScope(culture);
        Assert.Equal(name, Weekdays.Name(weekday));
        Assert.Equal(shortName, Weekdays.ShortName(weekday));
    }

    [Fact]
    public void An_Api_problem_is_headed_and_its_fields_named_in_French()
    {
        using var _ = new CultureScope("fr-CH");
        var problem = new ApiProblem("validation_error", "Validation Error", 400, null, null, [new FieldError("new_password", "trop court")]);

        Assert.Equal("Veuillez vérifier votre saisie", problem.Heading);
        Assert.Equal("Nouveau mot de passe : trop court", ApiProblem.Describe(problem.FieldErrors[0]));
        Assert.Equal("Le service de planification est injoignable", ApiProblem.Unreachable().Title);
        Assert.Equal("La demande a échoué (418)", ApiProblem.FromStatus((System.Net.HttpStatusCode)418).Title);
    }

    [Fact]
    public void An_Api_problem_reads_as_before_in_English()
    {
        using var _ = new CultureScope("en-GB");
        var problem = new ApiProblem("conflict", null, 409, null, null, [new FieldError("some_field", "is odd")]);

        Assert.Equal("Changed somewhere else", problem.Heading);
        Assert.Equal("Some field: is odd", ApiProblem.Describe(problem.FieldErrors[0]));
    }

    [Theory]
    [InlineData("en-GB", PostStatus.Scheduled, "Scheduled")]
    [InlineData("fr-CH", PostStatus.Scheduled, "Planifiée")]
    [InlineData("fr-CH", PostStatus.Failed, "Échec")]
    public void A_status_badge_names_the_status_in_the_pages_language(string culture, PostStatus status, string expected)
    {
        using var _ = new CultureScope(culture);
        var badge = Render<StatusBadge>(p => p.Add(c => c.Status, status));
        Assert.Equal(expected, badge.Find(".rz-badge").TextContent.Trim());
    }

    /// <summary>A request's culture, as the Web's request localisation sets it, for the length of one test.</summary>
    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
