using SocialPlanner.Benchmarks;

namespace SocialPlanner.Tests.Hosting;

/// <summary>Issue #13 §1, <c>DataServers</c>: the AppHost runs its own Postgres and Redis (the machine's binaries
/// here, where no container runtime answers) unless it is given their connection strings, in which case it runs
/// neither and hands those strings to every service. Read from the model the AppHost builds; nothing is started.</summary>
public sealed class DataServerChoiceTests
{
    private const string ExistingDatabase = "Host=db.example.test;Port=5432;Username=planner;Password=secret;Database=socialplanner";
    private const string ExistingCache = "cache.example.test:6379,password=secret";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_connection_strings_the_AppHost_runs_Postgres_and_Redis_itself()
    {
        var dataRoot = AppHostArguments.NewDataRoot();
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SocialPlanner_AppHost>(
            AppHostArguments.For(dataRoot), Ct);

        Assert.IsAssignableFrom<ExecutableResource>(builder.Resources.Single(r => r.Name == "postgres"));
        Assert.IsAssignableFrom<ExecutableResource>(builder.Resources.Single(r => r.Name == "cache"));
        Assert.IsNotAssignableFrom<ParameterResource>(builder.Resources.Single(r => r.Name == "socialplanner"));
        AppHostArguments.DeleteDataRoot(dataRoot);
    }

    [Fact]
    public async Task Given_connection_strings_the_AppHost_uses_those_servers_and_runs_none_of_its_own()
    {
        var dataRoot = AppHostArguments.NewDataRoot();
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.SocialPlanner_AppHost>(
            [.. AppHostArguments.For(dataRoot), $"--ConnectionStrings:socialplanner={ExistingDatabase}", $"--ConnectionStrings:cache={ExistingCache}"], Ct);

        Assert.DoesNotContain(builder.Resources, r => r.Name == "postgres");
        var database = Assert.IsAssignableFrom<ParameterResource>(builder.Resources.Single(r => r.Name == "socialplanner"));
        var cache = Assert.IsAssignableFrom<ParameterResource>(builder.Resources.Single(r => r.Name == "cache"));
        Assert.Equal(ExistingDatabase, await ((IValueProvider)database).GetValueAsync(Ct));
        Assert.Equal(ExistingCache, await ((IValueProvider)cache).GetValueAsync(Ct));

        // Every service that uses data gets those strings (and waits for nothing we would have run).
        foreach (var service in new[] { "migrations", "api", "worker" })
        {
            var resource = builder.Resources.Single(r => r.Name == service);
            var references = resource.Annotations.OfType<ResourceRelationshipAnnotation>()
                .Where(a => a.Type == "Reference").Select(a => a.Resource.Name).ToHashSet();
            Assert.Contains("socialplanner", references);
            Assert.DoesNotContain(resource.Annotations.OfType<WaitAnnotation>(), w => w.Resource.Name is "postgres");
        }
        AppHostArguments.DeleteDataRoot(dataRoot);
    }
}
