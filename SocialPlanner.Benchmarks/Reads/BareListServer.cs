using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Benchmarks.Reads;

/// <summary>The ceiling over the posts list: what the same read costs this machine with nothing of the Api around it.
/// A bare Kestrel endpoint in the benchmark's own process, on the app's Postgres, doing what the Api's list does at the
/// database (present the user to Postgres as the app role, then one prepared statement: the 21 newest posts with their
/// total and media) and writing the same JSON fields, but with no authentication, rate limit, EF, validation or
/// telemetry. The Api's list cannot be faster than this; the ratio of the two says how much of the machine the Api's
/// own work takes, and this endpoint's ratio to the Api's <c>/alive</c> says how far any Api could get.</summary>
public sealed class BareListServer : IAsyncDisposable
{
    /// <summary>The shape of the Api's statement (the page, its total on every row, the media joined), written by hand.</summary>
    private const string Page = """
        SELECT p2.id, p2.platform::text, p2.content, p2.status::text, p2.ai_generated, p2.rating, p2.scheduled_at,
               p2.created_at, p2.updated_at, p2.published_at, p2.error_message, s.media_id, s.storage_path, s.type::text, p2.c
        FROM (
            SELECT p.id, p.platform, p.content, p.status, p.ai_generated, p.rating, p.scheduled_at, p.created_at, p.updated_at,
                   p.published_at, p.error_message, (SELECT count(*)::int FROM posts p1 WHERE p1.user_id = $1) AS c
            FROM posts p WHERE p.user_id = $1 ORDER BY p.created_at DESC, p.id DESC LIMIT $2
        ) p2
        LEFT JOIN (
            SELECT pm.media_id, m.storage_path, m.type, pm.post_id, pm."order"
            FROM posts_media pm JOIN media m ON pm.media_id = m.id
        ) s ON p2.id = s.post_id
        ORDER BY p2.created_at DESC, p2.id DESC, s."order", s.media_id
        """;

    private readonly WebApplication _app;
    private readonly NpgsqlDataSource _dataSource;

    private BareListServer(WebApplication app, NpgsqlDataSource dataSource, Uri address)
    {
        _app = app;
        _dataSource = dataSource;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="connectionString">The app's database (the owner's login, as the Api's).</param>
    /// <param name="preparedStatements">The Api's <c>Database:PreparedStatements</c>, so both prepare alike.</param>
    public static async Task<BareListServer> StartAsync(string connectionString, int preparedStatements, CancellationToken cancellationToken)
    {
        var dataSource = new NpgsqlDataSourceBuilder(AppDatabase.WithPreparedStatements(connectionString, preparedStatements)).Build();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        var app = builder.Build();
        app.MapGet("/posts/{userId:guid}", (Guid userId, HttpContext context) => WriteListAsync(dataSource, userId, context));
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Urls.First().Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/");
        return new BareListServer(app, dataSource, address);
    }

    private static async Task WriteListAsync(NpgsqlDataSource dataSource, Guid userId, HttpContext context)
    {
        var ct = context.RequestAborted;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // The Api's session interceptor: one round trip on every open.
        await using (var session = connection.CreateBatch())
        {
            session.BatchCommands.Add(new NpgsqlBatchCommand("SET ROLE " + DbRoles.App));
            var setUser = new NpgsqlBatchCommand($"SELECT set_config('{DbSessionConnectionInterceptor.UserIdSetting}', $1, false)");
            setUser.Parameters.Add(new NpgsqlParameter { Value = userId.ToString() });
            session.BatchCommands.Add(setUser);
            await session.ExecuteNonQueryAsync(ct);
        }
        await using var command = new NpgsqlCommand(Page, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = 21 });
        await using var reader = await command.ExecuteReaderAsync(ct);

        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteStartArray("data");
        Guid? current = null;
        Guid? last = null;
        var total = 0;
        var count = 0;
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            total = reader.GetInt32(14);
            if (id != current)
            {
                if (current is not null)
                {
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                current = id;
                if (++count > 20)
                {
                    current = null;
                    break;
                }
                last = id;
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("platform", reader.GetString(1));
                json.WriteString("content", reader.GetString(2));
                json.WriteString("status", reader.GetString(3));
                json.WriteBoolean("ai_generated", reader.GetBoolean(4));
                WriteNullable(json, "rating", reader, 5, (w, r, i) => w.WriteNumberValue(r.GetInt32(i)));
                WriteNullable(json, "scheduled_at", reader, 6, (w, r, i) => w.WriteStringValue(r.GetFieldValue<DateTimeOffset>(i)));
                json.WriteString("created_at", reader.GetFieldValue<DateTimeOffset>(7));
                json.WriteString("updated_at", reader.GetFieldValue<DateTimeOffset>(8));
                WriteNullable(json, "published_at", reader, 9, (w, r, i) => w.WriteStringValue(r.GetFieldValue<DateTimeOffset>(i)));
                WriteNullable(json, "error_message", reader, 10, (w, r, i) => w.WriteStringValue(r.GetString(i)));
                json.WriteStartArray("media");
            }
            if (!reader.IsDBNull(11))
            {
                json.WriteStartObject();
                json.WriteString("id", reader.GetGuid(11));
                json.WriteString("url", reader.GetString(12));
                json.WriteString("type", reader.GetString(13));
                json.WriteEndObject();
            }
        }
        if (current is not null)
        {
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("meta");
        json.WriteStartObject();
        json.WriteNumber("total", total);
        json.WriteBoolean("has_more", count > 20);
        if (count > 20 && last is { } next)
        {
            json.WriteString("next_cursor", next);
        }
        else
        {
            json.WriteNull("next_cursor");
        }
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(ct);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, NpgsqlDataReader reader, int ordinal,
        Action<Utf8JsonWriter, NpgsqlDataReader, int> write)
    {
        json.WritePropertyName(name);
        if (reader.IsDBNull(ordinal))
        {
            json.WriteNullValue();
        }
        else
        {
            write(json, reader, ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
