using SocialPlanner.Hosting.Orchestration;

namespace SocialPlanner.Hosting.Resources;

/// <summary>
/// An existing server named by configuration (<c>ConnectionStrings:{name}</c>): nothing is started, its
/// consumers get the configured string as-is. This is how production runs.
/// </summary>
public sealed class ConnectionStringResource(string name, string connectionString) : Resource(name), IResourceWithConnectionString
{
    public override string Type => "ConnectionString";

    internal override bool HasProcess => false;

    public string GetConnectionString() => connectionString;

    internal override Task<bool> IsHealthyAsync(RunContext context, int instance, CancellationToken cancellationToken) =>
        Task.FromResult(true);
}
