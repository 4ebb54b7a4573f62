using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialPlanner.Hosting.Orchestration;

namespace SocialPlanner.Hosting.Dashboard;

/// <summary>The developer dashboard: one HTML page polling <c>/api/resources</c> and per-resource logs.</summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<DashboardServer> StartAsync(Orchestrator orchestrator, RunContext context, CancellationToken cancellationToken)
    {
        // Explicit options: the AppHost's own environment (ASPNETCORE_URLS, appsettings) must not leak in.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, context.Options.DashboardPort));
        var app = builder.Build();
        Map(app, orchestrator, context);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new DistributedApplicationException(
                $"dashboard port {context.Options.DashboardPort} is in use: run with --Hosting:DashboardPort=0 or --Hosting:RandomPorts=true", e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DashboardServer(app, new Uri(address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void Map(WebApplication app, Orchestrator orchestrator, RunContext context)
    {
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", () => Results.Json(orchestrator.AllInstances.Select(i => Describe(i.Snapshot())), s_json));
        app.MapGet("/api/resources/{name}/logs", (string name, long? after) =>
            Results.Json(context.Log.BufferOf(name).Since(after ?? 0), s_json));
    }

    private static object Describe(ResourceSnapshot s) => new
    {
        s.Name,
        s.Type,
        s.Instance,
        Replica = s.Instance,
        State = s.State.ToString(),
        Health = s.Health.ToString(),
        s.Urls,
        s.Pid,
        s.Restarts,
        s.ExitCode,
        s.Message,
        Links = DashboardLinks.For(s.Name, s.Urls.FirstOrDefault(u => u.StartsWith("http:", StringComparison.Ordinal))),
    };
}
