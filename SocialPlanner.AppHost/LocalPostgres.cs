using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

/// <summary>PostgreSQL from the machine's own binaries (Debian's <c>postgresql</c>) as an Aspire executable: its data
/// directory under the data root (initialised once, kept between runs), password authentication on 127.0.0.1 only,
/// started as the <c>postgres</c> OS user when we are root (Postgres refuses root). <c>setpriv</c> execs in place, so
/// the process Aspire watches is the postmaster itself.</summary>
internal sealed class LocalPostgresResource(string name, string command, string workingDirectory, string dataDirectory, string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string Superuser = "postgres";

    public string DataDirectory { get; } = dataDirectory;

    public string Password { get; } = password;

    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host=127.0.0.1;Port={Endpoint.Property(EndpointProperty.Port)};Username={Superuser};Password={Password}");

    public string AdminConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Endpoint.Port};Username={Superuser};Password={Password};Database={database};Pooling=false;Timeout=3";
}

/// <summary>One database of a <see cref="LocalPostgresResource"/>: created once the server is healthy; its state
/// follows the server's (Aspire does that for children of containers only).</summary>
internal sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public LocalPostgresResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class LocalPostgres
{
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name, AppHostSettings settings)
    {
        var postgres = MachineBinaries.Require("postgres", "postgresql");
        var initdb = MachineBinaries.Require("initdb", "postgresql");
        var owner = Environment.IsPrivilegedProcess ? OsUser.Find("postgres") : null;
        Directory.CreateDirectory(settings.DataRoot);
        var dataDirectory = Path.Combine(settings.DataRoot, name);
        var port = settings.Port(15432);

        List<string> arguments =
        [
            "-D", dataDirectory, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", dataDirectory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
        ];
        if (settings.ThrowAwayData)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }
        var (command, args) = owner is null ? (postgres, arguments) : ("setpriv", [.. owner.SetprivArguments(), postgres, .. arguments]);

        var server = new LocalPostgresResource(name, command, settings.DataRoot, dataDirectory, Password(settings.DataRoot, name, dataDirectory));
        var healthKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => server.AdminConnectionString("postgres"), name: healthKey);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (e, ct) =>
            await InitialiseOnceAsync(server, initdb, owner, e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server), ct));

        return builder.AddResource(server)
            .WithArgs([.. args])
            .WithEndpoint(name: "tcp", port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthKey)
            .WithIconName("DatabaseStack");
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(this IResourceBuilder<LocalPostgresResource> server, string name)
    {
        var builder = server.ApplicationBuilder;
        var database = new LocalPostgresDatabaseResource(name, name, server.Resource);
        var healthKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(_ => server.Resource.AdminConnectionString(name), name: healthKey);

        builder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (e, ct) =>
        {
            await using var connection = new NpgsqlConnection(server.Resource.AdminConnectionString("postgres"));
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        });
        builder.Eventing.Subscribe<InitializeResourceEvent>(database, (e, ct) =>
        {
            _ = FollowParentAsync(e.Notifications, database, ct);
            return Task.CompletedTask;
        });

        return builder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [new("postgres.database", name)],
            })
            .WithHealthCheck(healthKey)
            .WithIconName("Database");
    }

    /// <summary>Mirrors the server's state onto the database (Aspire's health monitor then checks the database itself).</summary>
    private static async Task FollowParentAsync(ResourceNotificationService notifications, LocalPostgresDatabaseResource database, CancellationToken ct)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(ct))
            {
                if (update.Resource == database.Parent)
                {
                    var parent = update.Snapshot;
                    await notifications.PublishUpdateAsync(database, s => s with
                    {
                        State = parent.State,
                        StartTimeStamp = parent.StartTimeStamp,
                        StopTimeStamp = parent.StopTimeStamp,
                        ExitCode = parent.ExitCode,
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task InitialiseOnceAsync(LocalPostgresResource server, string initdb, OsUser? owner, ILogger log, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            return;
        }
        OsUser.CreatePrivateDirectory(server.DataDirectory, owner);
        var passwordFile = Path.Combine(Path.GetDirectoryName(server.DataDirectory)!, server.Name + ".initdb-password");
        await File.WriteAllTextAsync(passwordFile, server.Password, ct);
        owner?.GiveOwnership(passwordFile);
        try
        {
            string[] arguments = ["-D", server.DataDirectory, "-U", LocalPostgresResource.Superuser, $"--pwfile={passwordFile}",
                "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale", "--no-sync"];
            var start = owner is null
                ? new ProcessStartInfo(initdb, arguments)
                : new ProcessStartInfo("setpriv", [.. owner.SetprivArguments(), initdb, .. arguments]);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.WorkingDirectory = Path.GetDirectoryName(server.DataDirectory)!;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            foreach (var line in ((await output) + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                log.LogInformation("initdb: {Line}", line);
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{server.Name}: initdb exited with code {process.ExitCode} (see its log)");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>A random password, kept next to the data directory so a developer's database keeps working.</summary>
    private static string Password(string dataRoot, string name, string dataDirectory)
    {
        var file = Path.Combine(dataRoot, name + ".password");
        if (File.Exists(file) && Directory.Exists(dataDirectory))
        {
            return File.ReadAllText(file).Trim();
        }
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        File.WriteAllText(file, password);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return password;
    }
}

/// <summary>The OS user a server runs as when the AppHost is root.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed partial record OsUser(string Name, int Uid, int Gid)
{
    public static OsUser Find(string name)
    {
        var entry = File.ReadLines("/etc/passwd").Select(l => l.Split(':')).FirstOrDefault(f => f[0] == name)
            ?? throw new InvalidOperationException($"OS user '{name}' not found: run 'apt-get install -y postgresql' (or ./run.sh, which installs it)");
        return new OsUser(name, int.Parse(entry[2], CultureInfo.InvariantCulture), int.Parse(entry[3], CultureInfo.InvariantCulture));
    }

    public string[] SetprivArguments() => [$"--reuid={Uid}", $"--regid={Gid}", "--init-groups", "--"];

    public void GiveOwnership(string path)
    {
        if (Chown(path, Uid, Gid) != 0)
        {
            throw new InvalidOperationException($"cannot give {path} to OS user {Name} (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
        }
    }

    /// <summary>Creates <paramref name="directory"/> (0700), owned by <paramref name="owner"/> when given.</summary>
    public static void CreatePrivateDirectory(string directory, OsUser? owner)
    {
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        owner?.GiveOwnership(directory);
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial int Chown(string path, int owner, int group);
}
