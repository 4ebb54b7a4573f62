using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Hosting;

/// <summary>Issue #13: the AppHost's model as Aspire runs it — every service healthy, migrations as a one-shot that
/// finished first, connection strings and resource URLs handed over, the sandbox's dashboard commands.</summary>
[Collection(AppCollection.Name)]
public sealed class AppHostModelTests(AppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_service_of_the_AppHost_answers_its_health_endpoint()
    {
        foreach (var service in new[] { "api", "worker", "web", "sandbox" })
        {
            using var client = fixture.CreateHttpClient(service);
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Ct);
            Assert.True(response.IsSuccessStatusCode, $"{service}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Migrations_run_once_and_finish_before_the_api_starts()
    {
        var migrations = State("migrations");

        Assert.Equal(KnownResourceStates.Finished, migrations.State?.Text);
        Assert.Equal(0, migrations.ExitCode);
        // DCP's timestamps are taken at different moments, so the order is read from the model: Aspire starts a
        // resource only once what it waits for has completed.
        var model = fixture.App.Services.GetRequiredService<DistributedApplicationModel>();
        foreach (var service in new[] { "api", "worker" })
        {
            Assert.Contains(model.Resources.Single(r => r.Name == service).Annotations.OfType<WaitAnnotation>(),
                w => w.Resource.Name == "migrations" && w.WaitType == WaitType.WaitForCompletion);
        }
        Assert.StartsWith("Host=127.0.0.1;", await fixture.GetConnectionStringAsync("socialplanner"), StringComparison.Ordinal);
        Assert.EndsWith(";Database=socialplanner", await fixture.GetConnectionStringAsync("socialplanner"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_sandbox_smtp_endpoint_is_handed_over_as_the_mail_connection_string()
    {
        foreach (var service in new[] { "api", "worker" })
        {
            var mail = State(service).EnvironmentVariables.Single(e => e.Name == "ConnectionStrings__mail").Value;
            Assert.Equal($"smtp://127.0.0.1:{fixture.GetEndpoint("sandbox", "smtp").Port}", mail);
        }
    }

    [Fact]
    public void The_ports_the_AppHost_chooses_itself_lie_below_the_kernels_ephemeral_range()
    {
        // A port probed free inside the ephemeral range can be given to an outgoing connection or to DCP before
        // Postgres binds it; a CI run lost its whole app that way. The servers we start ourselves take ports the
        // kernel never hands out, and each a different one.
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split('\t', ' ')[0], CultureInfo.InvariantCulture);
        int[] ports = [fixture.GetEndpoint("postgres", "tcp").Port, fixture.GetEndpoint("cache", "tcp").Port, fixture.GetEndpoint("sandbox", "smtp").Port];

        Assert.All(ports, port => Assert.InRange(port, 20000, ephemeralStart - 1));
        Assert.Equal(ports.Length, ports.Distinct().Count());
    }

    [Fact]
    public void Resource_urls_carry_names_a_developer_recognises()
    {
        Assert.Contains(State("api").Urls, u => u.DisplayProperties.DisplayName == "API reference (Scalar)" && u.Url.EndsWith("/scalar", StringComparison.Ordinal));
        Assert.Contains(State("worker").Urls, u => u.DisplayProperties.DisplayName == "Jobs (Hangfire)" && u.Url.EndsWith("/hangfire", StringComparison.Ordinal));
        Assert.Contains(State("sandbox").Urls, u => u.DisplayProperties.DisplayName == "Mail inbox");
        Assert.Contains(State("sandbox").Urls, u => u.DisplayProperties.DisplayName == "Published posts");
        Assert.Contains(State("web").Urls, u => u.DisplayProperties.DisplayName == "SocialPlanner");
    }

    [Fact]
    public async Task The_sandbox_command_arms_a_LinkedIn_publish_failure()
    {
        using var sandbox = fixture.CreateHttpClient("sandbox");
        try
        {
            var result = await fixture.App.ResourceCommands.ExecuteCommandAsync("sandbox", "sandbox-fail-linkedin", Ct);

            Assert.True(result.Success, result.Message);
            var armed = await sandbox.GetStringAsync(new Uri("/sandbox/faults", UriKind.Relative), Ct);
            Assert.Contains("linkedin.posts", armed, StringComparison.Ordinal);
            Assert.Contains(State("sandbox").Commands, c => c.Name == "sandbox-reset");
        }
        finally
        {
            // Faults are process-wide: the shared app's other tests must not meet this one.
            (await sandbox.DeleteAsync(new Uri("/sandbox/faults", UriKind.Relative), Ct)).EnsureSuccessStatusCode();
        }
    }

    private CustomResourceSnapshot State(string resource) =>
        fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var state)
            ? state.Snapshot
            : throw new InvalidOperationException($"No state for {resource}.");
}
