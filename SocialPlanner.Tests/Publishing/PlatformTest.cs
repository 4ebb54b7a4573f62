using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>A LinkedIn member connected through the sandbox's real OAuth flow.</summary>
public sealed record LinkedInAccount(Guid UserId, string Email, string MemberId, Guid ConnectionId, string AccessToken);

/// <summary>Publishing seen from outside: users connected through the sandbox's OAuth (tokens encrypted the way the
/// Api stores them), posts put on the queue by the scheduler the Api uses, and the sandbox asked what it received.</summary>
public abstract class PlatformTest(AppFixture app) : DataTest(app)
{
    private static readonly Uri RedirectUri = new("http://app.test/connections/linkedin/callback");

    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly AppFixture _fixture = app;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Redirects are not followed: the OAuth consent answers with one carrying the code.</summary>
    protected HttpClient Sandbox { get; } = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.GetEndpoint("sandbox") };

    /// <summary>The app's LinkedIn client, talking to the sandbox as the hosts do.</summary>
    protected LinkedInClient SandboxLinkedIn(string? scopes = null) => new(Sandbox, Options.Create(new LinkedInOptions
    {
        ClientId = "sandbox-linkedin-client", ClientSecret = "sandbox-linkedin-secret",
        AuthorizeUrl = new Uri(Sandbox.BaseAddress!, "oauth/v2/authorization"),
        TokenUrl = new Uri(Sandbox.BaseAddress!, "oauth/v2/accessToken"), ApiBaseUrl = Sandbox.BaseAddress,
        Scopes = scopes ?? new LinkedInOptions().Scopes,
    }), TimeProvider.System);

    /// <summary>The app's Instagram client, talking to the sandbox as the hosts do.</summary>
    protected InstagramClient SandboxInstagram() => new(Sandbox, Options.Create(new InstagramOptions
    {
        ClientId = "sandbox-instagram-client", ClientSecret = "sandbox-instagram-secret",
        AuthorizeUrl = new Uri(Sandbox.BaseAddress!, "oauth/authorize"), TokenUrl = new Uri(Sandbox.BaseAddress!, "oauth/access_token"),
        GraphBaseUrl = Sandbox.BaseAddress,
    }), TimeProvider.System);

    /// <summary>A fresh user (or <paramref name="existingUserId"/>) connected to a fresh sandbox member, so faults scoped
    /// to the member hit only this test; with the app's default scopes unless <paramref name="scopes"/> says otherwise.</summary>
    protected async Task<LinkedInAccount> ConnectLinkedInUserAsync(Guid? existingUserId = null, string? scopes = null)
    {
        var userId = existingUserId ?? await CreateUserAsync();
        var client = SandboxLinkedIn(scopes);
        var consent = client.BuildAuthorizeUrl(RedirectUri, "state") + $"&auto_consent=true&sandbox_member=m{Guid.NewGuid():N}";
        using var redirect = await Sandbox.GetAsync(consent, Ct);
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(redirect.Headers.Location!.Query)["code"].ToString();
        var tokens = await client.ExchangeCodeAsync(code, RedirectUri, Ct);
        var profile = await client.GetUserInfoAsync(tokens.AccessToken, Ct);

        var connection = new SocialConnection { UserId = userId, Platform = SocialPlatform.Linkedin, ProfileId = profile.Id, ProfileName = profile.Name };
        TokenRules.Apply(connection, tokens, Tokens.Protect);
        var db = AsUser(userId);
        db.SocialConnections.Add(connection);
        await db.SaveChangesAsync(Ct);
        var email = await OwnerScalarAsync<string>("SELECT email FROM users WHERE id = $1", userId);
        return new LinkedInAccount(userId, email, profile.Id, connection.Id, tokens.AccessToken);
    }

    /// <summary>Connects the user to a fresh sandbox Instagram professional account through Business Login with
    /// auto-consent, stored as the Api stores it; returns the account's Instagram user id.</summary>
    protected async Task<string> ConnectInstagramAsync(Guid userId)
    {
        var client = SandboxInstagram();
        var redirect = new Uri("http://app.test/connections/instagram/callback");
        var consent = client.BuildAuthorizeUrl(redirect, "state") + $"&auto_consent=true&sandbox_member=ig{Guid.NewGuid():N}";
        using var answer = await Sandbox.GetAsync(consent, Ct);
        var code = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(answer.Headers.Location!.Query)["code"].ToString();
        var grant = await client.ExchangeCodeAsync(code, redirect, Ct);
        var profile = await client.GetMeAsync(grant.Tokens.AccessToken, Ct);

        var connection = new SocialConnection { UserId = userId, Platform = SocialPlatform.Instagram, ProfileId = grant.UserId, ProfileName = profile.Name };
        TokenRules.Apply(connection, grant.Tokens, Tokens.Protect);
        var db = AsUser(userId);
        db.SocialConnections.Add(connection);
        await db.SaveChangesAsync(Ct);
        return grant.UserId;
    }

    /// <summary>Writes a post and schedules it the way the calendar endpoint does.</summary>
    protected async Task<Post> ScheduleAsync(Guid userId, string content, DateTimeOffset at)
    {
        var created = await CreatePostAsync(userId, content);
        return await RescheduleAsync(userId, created.Id, at);
    }

    protected async Task<Post> RescheduleAsync(Guid userId, Guid postId, DateTimeOffset at)
    {
        var db = AsUser(userId);
        var post = await db.Posts.SingleAsync(p => p.Id == postId, Ct);
        await new PublicationScheduler(db).ScheduleAsync(post, at, Ct);
        return post;
    }

    protected async Task ArmFaultAsync(object rule) =>
        (await Sandbox.PostAsJsonAsync("/sandbox/faults", rule, Ct)).EnsureSuccessStatusCode();

    /// <summary>What the sandbox published to <paramref name="platform"/> whose visible text contains <paramref name="marker"/>.</summary>
    protected async Task<IReadOnlyList<JsonElement>> PublishedAsync(string marker, string platform = "linkedin") =>
        (await Sandbox.GetFromJsonAsync<JsonElement[]>($"/api/published?platform={platform}", Ct))!
            .Where(p => p.GetProperty("text").GetString()!.Contains(marker, StringComparison.Ordinal)).ToList();

    protected async Task<IReadOnlyList<string>> MailSubjectsAsync(string to) =>
        (await Sandbox.GetFromJsonAsync<JsonElement[]>($"/api/mail?to={Uri.EscapeDataString(to)}", Ct))!
            .Select(m => m.GetProperty("subject").GetString()!).ToList();

    /// <summary>The text of the newest email to <paramref name="to"/> with that subject.</summary>
    protected async Task<string> MailTextAsync(string to, string subject) =>
        (await Sandbox.GetFromJsonAsync<JsonElement[]>($"/api/mail?to={Uri.EscapeDataString(to)}", Ct))!
            .First(m => m.GetProperty("subject").GetString() == subject).GetProperty("text_body").GetString()!;

    /// <summary>The publication's row once it reached <paramref name="status"/>: (status, external_id, error_message).</summary>
    protected Task<(string Status, string? ExternalId, string? Error)> PublicationWhenAsync(Guid postId, string status) =>
        EventuallyAsync(async () =>
        {
            await using var command = Owner.CreateCommand("SELECT status::text, external_id, error_message FROM post_publications WHERE post_id = $1");
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = postId });
            await using var reader = await command.ExecuteReaderAsync(Ct);
            return await reader.ReadAsync(Ct) && reader.GetString(0) == status
                ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
                : default((string, string?, string?)?);
        });

    protected static string Unique(string text) => $"{text} {Guid.NewGuid():N}";

    /// <summary>Polls until <paramref name="probe"/> has an answer; fails the test after <see cref="Patience"/>, with
    /// the processes' recent output to explain why.</summary>
    protected async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe) where T : struct
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Still waiting after {Patience.TotalSeconds} s. Recent logs:{Environment.NewLine}{_fixture.RecentLogs(400)}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
        }
    }

    protected Task WaitUntilAsync(Func<Task<bool>> condition) =>
        EventuallyAsync(async () => await condition() ? true : default(bool?));
}
