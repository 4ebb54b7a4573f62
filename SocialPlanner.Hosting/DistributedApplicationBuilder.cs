using System.Reflection;
using Microsoft.Extensions.Configuration;
using SocialPlanner.Hosting.Resources;
using SocialPlanner.Hosting.Testing;

namespace SocialPlanner.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly EntryPointCapture? _capture;

    public DistributedApplicationBuilder(string[] args, DistributedApplicationOptions options, EntryPointCapture? capture)
    {
        _capture = capture;
        Options = options;
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args);
        ApplyConfiguration();
        AppHostDirectory = options.AppHostAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "AppHostProjectDirectory")?.Value ?? Directory.GetCurrentDirectory();
    }

    public ConfigurationManager Configuration { get; } = new();

    public DistributedApplicationOptions Options { get; }

    public IList<IResource> Resources { get; } = [];

    public string AppHostDirectory { get; }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (Resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"A resource named '{resource.Name}' already exists.", nameof(resource));
        }

        Resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    public DistributedApplication Build()
    {
        if (_capture is not null && _capture.TryHandOver(this))
        {
            throw new EntryPointCapturedException();
        }

        return new DistributedApplication(Options, Resources.OfType<Resource>().ToList());
    }

    private void ApplyConfiguration()
    {
        var hosting = Configuration.GetSection("Hosting");
        Options.RandomPorts = hosting.GetValue("RandomPorts", Options.RandomPorts);
        Options.DashboardEnabled = hosting.GetValue("Dashboard", Options.DashboardEnabled);
        Options.DashboardPort = hosting.GetValue("DashboardPort", Options.DashboardPort);
        Options.DataRoot = hosting["DataRoot"] ?? Options.DataRoot;
        Options.EnvironmentName = hosting["Environment"] ?? Options.EnvironmentName;
        if (Configuration["DOTNET_DASHBOARD_OTLP_ENDPOINT_URL"] is { Length: > 0 } otlp)
        {
            Options.OtlpEndpoint = new Uri(otlp);
        }
    }
}
