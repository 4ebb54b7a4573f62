using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace SocialPlanner.Core.Data;

/// <summary>Makes every connection EF opens present the context's <see cref="AppDbContext.Session"/> to Postgres:
/// the non-owner role (so row-level security applies) and <c>app.user_id</c> (which the policies compare with).
/// It runs on every open because a pooled connection is reset when it goes back to the pool (DISCARD ALL
/// drops both the role and the setting), so the identity of one request can never leak into the next. Stateless:
/// one instance serves every pooled context.</summary>
public sealed class DbSessionConnectionInterceptor : DbConnectionInterceptor
{
    public static readonly DbSessionConnectionInterceptor Instance = new();

    /// <summary>The setting the policies read through <c>app_current_user_id()</c>.</summary>
    public const string UserIdSetting = "app.user_id";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var batch = CreateBatch(connection, SessionOf(eventData));
        batch.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var batch = CreateBatch(connection, SessionOf(eventData));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A context of another type, or none, has no identity here.</summary>
    private static IDbSession SessionOf(ConnectionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.Session ?? DbSession.Nobody;

    /// <summary>One round trip. The role is one of three constants (SET ROLE takes no parameter); the user id
    /// is a parameter. No user means an empty setting, which the policies read as NULL: no rows at all.</summary>
    private static NpgsqlBatch CreateBatch(DbConnection connection, IDbSession session)
    {
        var batch = ((NpgsqlConnection)connection).CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SET ROLE " + DbRoles.NameOf(session.Role)));
        var setUser = new NpgsqlBatchCommand($"SELECT set_config('{UserIdSetting}', $1, false)");
        setUser.Parameters.Add(new NpgsqlParameter { Value = session.UserId?.ToString() ?? "" });
        batch.BatchCommands.Add(setUser);
        return batch;
    }
}
