using SocialPlanner.Hosting;
using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Testing;

namespace SocialPlanner.Tests.Hosting;

public sealed class ProjectResourceTests
{
    [Fact]
    public async Task Replicas_get_their_own_ports_and_instance_ids_and_consumers_discover_them_all()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        // The Web project needs no backing service, so it can stand for any replicated project and consumer.
        var web = builder.AddProject<Projects.SocialPlanner_Web>("web").WithReplicas(2);
        builder.AddProject<Projects.SocialPlanner_Web>("worker").WithReference(web).WaitFor(web);
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();
        await app.StartAsync(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout);

        var replicas = app.ResourceNotifications.GetSnapshots("web");
        var worker = EnvironmentOf(app.ResourceNotifications.GetSnapshots("worker").Single().Pid!.Value);
        Assert.Equal(replicas.Select(r => r.Urls.Single()), [worker["services__web__http__0"], worker["services__web__http__1"]]);
        Assert.Equal(2, replicas.Select(r => r.Urls.Single()).Distinct().Count());
        var instanceIds = replicas.Select(r => EnvironmentOf(r.Pid!.Value)["OTEL_RESOURCE_ATTRIBUTES"]).ToList();
        Assert.Equal(2, instanceIds.Distinct().Count());
        Assert.Equal("worker", worker["OTEL_SERVICE_NAME"]);
        Assert.Equal("Development", worker["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("1000", worker["OTEL_BSP_SCHEDULE_DELAY"]);
        Assert.False(worker.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public async Task A_killed_instance_can_be_started_again_on_the_same_port()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddProject<Projects.SocialPlanner_Web>("worker");
        await using var app = await builder.BuildAsync(TestContext.Current.CancellationToken);
        var timeout = TestApps.Timeout();
        await app.StartAsync(timeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout);
        var before = app.ResourceNotifications.GetSnapshots("worker").Single();

        await app.KillResourceAsync("worker");
        var killed = app.ResourceNotifications.GetSnapshots("worker").Single();
        await app.StartResourceAsync("worker");
        await app.ResourceNotifications.WaitForResourceHealthyAsync("worker", timeout);

        var after = app.ResourceNotifications.GetSnapshots("worker").Single();
        Assert.Equal(ResourceState.Exited, killed.State);
        Assert.False(SocialPlanner.Hosting.Processes.ProcessTree.IsAlive(before.Pid!.Value));
        Assert.NotEqual(before.Pid, after.Pid);
        Assert.Equal(before.Urls, after.Urls);
        using var client = app.CreateHttpClient("worker");
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), timeout);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    private static Dictionary<string, string> EnvironmentOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2))
            .ToDictionary(v => v[0], v => v.Length > 1 ? v[1] : "");
}
