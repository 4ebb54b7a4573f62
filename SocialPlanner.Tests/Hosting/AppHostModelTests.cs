using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Hosting;

[Collection(AppCollection.Name)]
public sealed class AppHostModelTests(AppFixture fixture)
{
    [Fact]
    public async Task Every_service_of_the_AppHost_answers_its_health_endpoint()
    {
        foreach (var service in new[] { "api", "worker", "web", "sandbox" })
        {
            using var client = fixture.CreateHttpClient(service);
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode, $"{service}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Migrations_run_once_and_finish_before_the_api_starts()
    {
        var migrations = fixture.App.ResourceNotifications.GetSnapshots("migrations").Single();

        Assert.Equal(ResourceState.Finished, migrations.State);
        Assert.Equal(0, migrations.ExitCode);
        Assert.StartsWith("Host=127.0.0.1;", await fixture.GetConnectionStringAsync("socialplanner"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sandbox_smtp_endpoint_is_handed_over_as_the_mail_connection_string()
    {
        var mail = await fixture.GetConnectionStringAsync("mail");

        Assert.Equal($"smtp://127.0.0.1:{fixture.GetEndpoint("sandbox", "smtp").Port}", mail);
    }
}
