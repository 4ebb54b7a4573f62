using Npgsql;
using SocialPlanner.Core.Data;

namespace SocialPlanner.Tests.Infrastructure;

public static class DatabaseQueries
{
    /// <summary>One value read as the database owner, past row-level security: what the Api really stored.</summary>
    public static async Task<T> OwnerScalarAsync<T>(this AppFixture app, string sql, params object[] parameters)
    {
        await using var source = NpgsqlDataSource.Create(await app.GetConnectionStringAsync(AppDatabase.ConnectionName));
        await using var command = source.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        return (T)(await command.ExecuteScalarAsync(ApiClient.Ct))!;
    }
}
