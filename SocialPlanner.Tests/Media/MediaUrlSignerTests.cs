using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Tests.Media;

public class MediaUrlSignerTests
{
    private const string Path = "users/0b6f4c4e-0000-0000-0000-000000000001/posts/5d7c1f3a-0000-0000-0000-000000000002.png";
    private static readonly Uri Base = new("https://api.example.test/");
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 10, 10, 0, 0, TimeSpan.Zero));
    private readonly MediaUrlSigner _signer = new("test-secret", "Testing");

    private (string Path, string? Exp, string? Sig) Parse(Uri url)
    {
        var query = QueryHelpers.ParseQuery(url.Query);
        var path = Uri.UnescapeDataString(url.AbsolutePath[("/" + MediaUrlSigner.RoutePrefix + "/").Length..]);
        return (path, query["exp"], query["sig"]);
    }

    private string? Check(Uri url)
    {
        var (path, exp, sig) = Parse(url);
        return _signer.Check(path, exp, sig, _clock.GetUtcNow());
    }

    [Fact]
    public void A_fresh_link_points_at_the_file_route_and_is_valid()
    {
        var url = _signer.Sign(Base, Path, _clock.GetUtcNow(), Week);

        Assert.StartsWith("https://api.example.test/media/files/users/", url.AbsoluteUri);
        Assert.Null(Check(url));
    }

    [Fact]
    public void A_link_is_valid_for_seven_days_and_no_longer_than_an_hour_more()
    {
        var url = _signer.Sign(Base, Path, _clock.GetUtcNow(), Week);

        _clock.Advance(Week - TimeSpan.FromSeconds(1));
        Assert.Null(Check(url));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.Equal("The link has expired", Check(url));
    }

    [Fact]
    public void Links_signed_within_the_same_clock_hour_are_identical_so_caches_can_keep_the_file()
    {
        _clock.Advance(TimeSpan.FromSeconds(30));
        var first = _signer.Sign(Base, Path, _clock.GetUtcNow(), Week);
        _clock.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal(first, _signer.Sign(Base, Path, _clock.GetUtcNow(), Week));
    }

    [Fact]
    public void Another_path_with_the_same_signature_is_refused()
    {
        var (_, exp, sig) = Parse(_signer.Sign(Base, Path, _clock.GetUtcNow(), Week));

        Assert.Equal("The link's signature is not valid", _signer.Check(Path.Replace(".png", ".thumb.jpg"), exp, sig, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_postponed_expiry_is_refused()
    {
        var (path, exp, sig) = Parse(_signer.Sign(Base, Path, _clock.GetUtcNow(), Week));

        Assert.Equal("The link's signature is not valid", _signer.Check(path, (long.Parse(exp!) + 3600).ToString(), sig, _clock.GetUtcNow()));
    }

    [Theory]
    [InlineData(null, "abc")]
    [InlineData("123", null)]
    [InlineData("soon", "abc")]
    [InlineData("-5", "abc")]
    public void Unsigned_or_malformed_links_are_refused(string? exp, string? sig) =>
        Assert.Equal("The link is not signed", _signer.Check(Path, exp, sig, _clock.GetUtcNow()));

    [Fact]
    public void A_link_from_another_environment_or_key_is_refused()
    {
        var url = _signer.Sign(Base, Path, _clock.GetUtcNow(), Week);
        var (path, exp, sig) = Parse(url);

        Assert.NotNull(new MediaUrlSigner("test-secret", "Production").Check(path, exp, sig, _clock.GetUtcNow()));
        Assert.NotNull(new MediaUrlSigner("other-secret", "Testing").Check(path, exp, sig, _clock.GetUtcNow()));
    }

    [Fact]
    public void Short_lifetimes_keep_short_links()
    {
        var url = _signer.Sign(Base, Path, _clock.GetUtcNow(), TimeSpan.FromHours(1));

        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal("The link has expired", Check(url));
    }
}
