using System.Globalization;
using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Hosting.Resources;

/// <summary>
/// A .NET project run from its build output with <c>dotnet exec</c>, one process per replica, in its
/// project directory (so appsettings and Development static web assets resolve), healthy on <c>GET /health</c>.
/// </summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    public override string Type => "Project";

    public string ProjectPath { get; } = Path.GetFullPath(projectPath);

    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath)!;

    internal EndpointAnnotation HttpEndpoint => Endpoints.First(e => e.Name == "http");

    internal override void CheckPrerequisites(RunContext context) => AssemblyPath(context);

    internal override ProcessSpec CreateProcess(RunContext context, int instance)
    {
        var environment = BuildEnvironment();
        var url = HttpEndpoint.UrlOf(instance);
        environment["ASPNETCORE_URLS"] = url;
        environment["ASPNETCORE_ENVIRONMENT"] = context.Options.EnvironmentName;
        environment["DOTNET_ENVIRONMENT"] = context.Options.EnvironmentName;
        foreach (var endpoint in Endpoints.Where(e => e.EnvironmentVariable is not null))
        {
            environment[endpoint.EnvironmentVariable!] = endpoint.PortOf(instance).ToString(CultureInfo.InvariantCulture);
        }

        AddTelemetry(environment, context.Options, instance);
        return new ProcessSpec(ProjectOutput.DotnetHost(), ["exec", AssemblyPath(context), .. Arguments], environment, ProjectDirectory);
    }

    internal override async Task<bool> IsHealthyAsync(RunContext context, int instance, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await context.HealthClient.GetAsync(new Uri(HttpEndpoint.UrlOf(instance) + "/health"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void AddTelemetry(Dictionary<string, string> environment, DistributedApplicationOptions options, int instance)
    {
        environment["OTEL_SERVICE_NAME"] = Name;
        environment["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}-{instance}-{Guid.NewGuid().ToString("N")[..8]}";
        if (options.OtlpEndpoint is { } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.ToString();
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = options.OtlpProtocol;
        }

        if (options.EnvironmentName == "Development")
        {
            // Aspire's development defaults: telemetry shows up within a second instead of after batching.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        }
    }

    private string AssemblyPath(RunContext context)
    {
        var configuration = ProjectOutput.ConfigurationOf(context.Options.AppHostAssembly);
        return ProjectOutput.FindAssembly(ProjectPath, configuration)
            ?? throw new DistributedApplicationException(
                $"{Name}: no {configuration} build of {Path.GetFileName(ProjectPath)} found: run 'dotnet build SocialPlanner.sln'");
    }
}
