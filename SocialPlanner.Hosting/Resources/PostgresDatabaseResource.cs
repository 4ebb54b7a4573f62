using Npgsql;
using SocialPlanner.Hosting.Orchestration;

namespace SocialPlanner.Hosting.Resources;

/// <summary>A database on a <see cref="PostgresServerResource"/>, created once the server is healthy.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : Resource(name), IResourceWithConnectionString
{
    public override string Type => "PostgresDatabase";

    public PostgresServerResource Server { get; } = server;

    /// <summary>From configuration (<c>ConnectionStrings:{name}</c>): an existing database, used as-is.</summary>
    public string? ExternalConnectionString { get; internal set; }

    internal override bool HasProcess => false;

    public string GetConnectionString() => ExternalConnectionString ?? $"{Server.GetConnectionString()};Database={Name}";

    internal override async Task ActivateAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (ExternalConnectionString is not null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(Server.AdminConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", Name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        // Identifiers cannot be parameters; the name comes from the app model, quoted all the same.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        context.Log.Write(Server.Name, 0, isError: false, $"created database {Name}");
    }

    internal override async Task<bool> IsHealthyAsync(RunContext context, int instance, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection($"{GetConnectionString()};Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }
}
