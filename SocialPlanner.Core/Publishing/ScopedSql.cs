using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Core.Publishing;

/// <summary>Raw SQL on the scope's context connection (so the session interceptor's role applies), shared by the queue,
/// its outcomes and the overdue notices.</summary>
internal sealed class ScopedSql(AppDbContext db)
{
    /// <summary>Opening through EF runs the session interceptor, which switches to the scope's role.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        return (NpgsqlConnection)db.Database.GetDbConnection();
    }

    public async Task<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, await OpenAsync(cancellationToken));
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }

    public static NpgsqlBatchCommand BatchCommand(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return command;
    }

    public static object DbValue<T>(T? value) => (object?)value ?? DBNull.Value;

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static DateTimeOffset? NullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);
}
