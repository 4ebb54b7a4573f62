using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Sandbox;

/// <summary>
/// The Sandbox alone, as its own process on free ports, started by the testing builder like every other
/// resource. Faults and state are process-wide, so the emulator's tests get an instance nobody else touches.
/// </summary>
public sealed class SandboxProcessFixture : IAsyncLifetime
{
    /// <summary>Settings that make the emulator's slower behaviours observable within a test run.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Sandbox__Instagram__ContainerInProgressPolls"] = "1",
        ["Sandbox__Instagram__QuotaTotal"] = "3",
    };

    private DistributedApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public int SmtpPort { get; private set; }

    public HttpClient CreateClient(TimeSpan? timeout = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = BaseUrl,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = DistributedApplicationTestingBuilder.Create();
        // The emulator's own logs would otherwise go to the test run's console, burying the run's summary.
        builder.Services.AddLogging(logging => logging.ClearProviders());
        var project = Path.Combine(BuiltProcess.RepositoryRoot, "SocialPlanner.Sandbox", "SocialPlanner.Sandbox.csproj");
        var sandbox = builder.AddProject("sandbox", project)
            .WithEndpoint(scheme: "tcp", name: "smtp", env: "Sandbox__SmtpPort")
            .WithHttpHealthCheck("/health")
            // As the AppHost does: the built program, not `dotnet run`.
            .WithAnnotation(new ExecutableAnnotation { Command = BuiltProcess.Executable("SocialPlanner.Sandbox"), WorkingDirectory = Path.GetDirectoryName(project)! });
        foreach (var (key, value) in Settings)
        {
            sandbox.WithEnvironment(key, value);
        }
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("sandbox", timeout.Token);
        BaseUrl = _app.GetEndpoint("sandbox", "http");
        SmtpPort = _app.GetEndpoint("sandbox", "smtp").Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SandboxProcessGroup : ICollectionFixture<SandboxProcessFixture>
{
    public const string Name = "Sandbox process";
}
