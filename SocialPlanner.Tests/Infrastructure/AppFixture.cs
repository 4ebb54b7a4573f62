using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Tests.Infrastructure;

[CollectionDefinition(Name)]
[SuppressMessage("Naming", "CA1711", Justification = "xunit's convention names collection definitions *Collection.")]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "app";
}

/// <summary>Stand-in with the same API as the hosting branch's AppFixture, which starts the whole app; this one
/// starts only a throwaway Postgres with the migrations applied. It is replaced by the real one at merge.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";

    // Under /var/tmp, not /tmp's private per-user dirs: the postgres OS user must be able to reach it.
    private readonly string root = Path.Combine("/var/tmp", "socialplanner-data-tests-" + Guid.NewGuid().ToString("N"));
    private string connectionString = "";

    private string DataDir => Path.Combine(root, "data");

    public Task<string> GetConnectionStringAsync(string name) => name == AppDatabase.ConnectionName
        ? Task.FromResult(connectionString)
        : throw new ArgumentException($"No resource named '{name}' in the data-only stand-in.", nameof(name));

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(root);
        await RunAsync("chown", "postgres:postgres", root);
        var port = FreePort();
        await RunAsPostgresAsync("initdb", "-D", DataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        await RunAsPostgresAsync("pg_ctl", "-D", DataDir, "-l", Path.Combine(root, "postgres.log"), "-w", "start",
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off");

        var server = $"Host=127.0.0.1;Port={port};Username=postgres";
        await using (var admin = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE socialplanner", admin);
            await create.ExecuteNonQueryAsync();
        }

        connectionString = server + ";Database=socialplanner";
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            await RunAsPostgresAsync("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(root, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string tool, params string[] args) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(PostgresBin, tool), .. args]);

    private static async Task RunAsync(string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', args)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }
}
