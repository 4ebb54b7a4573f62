namespace SocialPlanner.Hosting.Resources;

/// <summary>A TCP port a resource listens on; every replica gets its own port.</summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port, string? environmentVariable)
{
    public string Name { get; } = name;

    public string Scheme { get; } = scheme;

    /// <summary>A port fixed by the app model; otherwise the developer default or a free port.</summary>
    public int? Port { get; internal set; } = port;

    /// <summary>Receives the allocated port in the resource's own environment (e.g. <c>Sandbox__SmtpPort</c>).</summary>
    public string? EnvironmentVariable { get; } = environmentVariable;

    public bool IsExternal { get; internal set; }

    internal List<int> AllocatedPorts { get; } = [];

    public int PortOf(int instance) =>
        instance < AllocatedPorts.Count
            ? AllocatedPorts[instance]
            : throw new InvalidOperationException($"Endpoint '{Name}' has no port yet: build the application first.");

    public string UrlOf(int instance) => $"{Scheme}://127.0.0.1:{PortOf(instance)}";
}

/// <summary>One named endpoint of a resource, as handed to another resource (<c>GetEndpoint("smtp")</c>).</summary>
public sealed class EndpointReference(Resource resource, string endpointName)
{
    public Resource Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation Endpoint =>
        Resource.Endpoints.FirstOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint '{EndpointName}'.");

    public string Url => Endpoint.UrlOf(0);
}
