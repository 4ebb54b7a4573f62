using System.Security.Cryptography;
using Npgsql;
using SocialPlanner.Hosting.Orchestration;
using SocialPlanner.Hosting.Processes;

namespace SocialPlanner.Hosting.Resources;

/// <summary>
/// A private PostgreSQL server from the OS binaries: initdb on first run, its own port and data directory,
/// password (SCRAM) authentication over TCP on 127.0.0.1 only, the unix socket inside the data directory.
/// </summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    private const string Superuser = "postgres";

    public override string Type => "Postgres";

    public string Password { get; private set; } = "";

    /// <summary>Set when configuration names an existing server for one of its databases: nothing is started.</summary>
    public bool IsExternal { get; internal set; }

    internal override bool HasProcess => !IsExternal;

    internal override int ShutdownTier => 2;

    // SIGINT is Postgres' "fast" shutdown: it does not wait for clients (test pools) to disconnect.
    internal override int StopSignal => Signals.SigInt;

    private EndpointAnnotation Endpoint => Endpoints[0];

    public string GetConnectionString() =>
        $"Host=127.0.0.1;Port={Endpoint.PortOf(0)};Username={Superuser};Password={Password}";

    internal string DataDirectory(RunContext context) => Path.Combine(context.DataRoot, Name);

    internal override void CheckPrerequisites(RunContext context)
    {
        if (IsExternal)
        {
            return;
        }

        context.Locator.Require("postgres", "postgresql");
        context.Locator.Require("initdb", "postgresql");
    }

    internal override void Allocate(RunContext context)
    {
        if (IsExternal)
        {
            return;
        }

        // Kept next to the data directory so a developer's database keeps working across runs.
        var passwordFile = Path.Combine(context.DataRoot, Name + ".password");
        if (File.Exists(passwordFile) && Directory.Exists(DataDirectory(context)))
        {
            Password = File.ReadAllText(passwordFile).Trim();
            return;
        }

        Password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        Directory.CreateDirectory(context.DataRoot);
        File.WriteAllText(passwordFile, Password);
        OsUser.MakePrivate(passwordFile, isDirectory: false);
    }

    internal override async Task PrepareAsync(RunContext context, CancellationToken cancellationToken)
    {
        var dataDirectory = DataDirectory(context);
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }

        var owner = OsUser.CurrentIsRoot ? OsUser.Find("postgres") : null;
        if (owner is null)
        {
            OsUser.MakePrivate(dataDirectory);
        }
        else
        {
            owner.CreatePrivateDirectory(dataDirectory);
        }

        var passwordFile = Path.Combine(context.DataRoot, Name + ".initdb-password");
        await File.WriteAllTextAsync(passwordFile, Password, cancellationToken);
        owner?.GiveOwnership(passwordFile);
        try
        {
            var initdb = AsOwner(owner, new ProcessSpec(
                context.Locator.Require("initdb", "postgresql"),
                ["-D", dataDirectory, "-U", Superuser, $"--pwfile={passwordFile}", "--auth-host=scram-sha-256",
                 "--auth-local=trust", "-E", "UTF8", "--no-locale", "--no-sync"],
                new Dictionary<string, string>(),
                context.DataRoot));
            var exitCode = await context.RunToCompletionAsync(Name, initdb, cancellationToken);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException($"{Name}: initdb exited with code {exitCode} (see its log)");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    internal override ProcessSpec CreateProcess(RunContext context, int instance)
    {
        var dataDirectory = DataDirectory(context);
        List<string> arguments =
        [
            "-D", dataDirectory, "-p", Endpoint.PortOf(instance).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", dataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
        ];
        if (context.Options.DeleteDataOnDispose)
        {
            // Throw-away test data: durability only costs time.
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        var spec = new ProcessSpec(context.Locator.Require("postgres", "postgresql"), arguments,
            new Dictionary<string, string>(), context.DataRoot);
        return AsOwner(OsUser.CurrentIsRoot ? OsUser.Find("postgres") : null, spec);
    }

    internal override async Task<bool> IsHealthyAsync(RunContext context, int instance, CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            return true;
        }

        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(cancellationToken) is 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return false;
        }
    }

    internal string AdminConnectionString(string database) =>
        $"{GetConnectionString()};Database={database};Pooling=false;Timeout=3";

    private static ProcessSpec AsOwner(OsUser? owner, ProcessSpec spec) => owner is null ? spec : owner.Wrap(spec);
}
