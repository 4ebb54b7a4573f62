using System.Diagnostics;
using Npgsql;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Benchmarks;

/// <summary>The baseline of rule 9: the simplest correct queue consumer. Each loop claims one due row with
/// <c>FOR UPDATE SKIP LOCKED</c>, makes the same LinkedIn call, marks the row published and commits. Its claim is the
/// plainest one ("the next due pending row"), with no filter of its own: an earlier version also matched the burst's
/// 2,000 post ids with <c>= ANY($1)</c>, which cost Postgres more than the drain itself and halved the baseline.</summary>
public static class BareSkipLockedLoop
{
    private const string ClaimSql = """
        SELECT q.id, q.user_id, p.content FROM post_publications q JOIN posts p ON p.id = q.post_id
        WHERE q.status = 'pending' AND q.due_at <= now()
        ORDER BY q.due_at LIMIT 1
        FOR UPDATE OF q SKIP LOCKED
        """;

    /// <summary>With the workers stopped, puts a drain's rows back in the queue and drains them with
    /// <paramref name="loops"/> concurrent loops (as many as the workers' publishing slots).</summary>
    public static async Task<Drain> DrainAgainAsync(BenchApp bench, IReadOnlyList<Account> accounts, Drain drain, int loops, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"Draining the same {drain.PostIds.Count} rows of the {drain.Name} with {loops} bare SKIP LOCKED loops…");
        var postIds = drain.PostIds.ToArray();
        await using (var reset = bench.Owner.CreateCommand(
            "UPDATE post_publications SET status = 'pending', due_at = now(), published_at = NULL, external_id = NULL WHERE post_id = ANY($1)"))
        {
            reset.Parameters.Add(new NpgsqlParameter { Value = postIds });
            await reset.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var others = bench.Owner.CreateCommand(
            "SELECT count(*) FROM post_publications WHERE status IN ('pending', 'claimed', 'sending') AND NOT post_id = ANY($1)"))
        {
            // The loops take any due row: the comparison holds only if the burst's rows are all there is.
            others.Parameters.Add(new NpgsqlParameter { Value = postIds });
            if ((long)(await others.ExecuteScalarAsync(cancellationToken))! != 0)
            {
                throw new InvalidOperationException("Publications other than the burst's are still open; the baseline would drain them too.");
            }
        }

        var byUser = accounts.ToDictionary(a => a.UserId);
        var name = $"baseline-{drain.Name}";
        var cpuBefore = ProcessCpu.Take();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(() => LoopAsync(bench, byUser, drain.Name, name, cancellationToken), cancellationToken)));
        var elapsed = clock.Elapsed;
        var cpu = ProcessCpu.Between(cpuBefore, ProcessCpu.Take());

        var (received, duplicates) = await bench.CountReceivedAsync($"Bench {bench.Run} {name} ", cancellationToken);
        return new Drain(name, drain.PostIds, [], elapsed, received, duplicates, cpu, await bench.CommitsAsync(postIds, cancellationToken));
    }

    private static async Task LoopAsync(
        BenchApp bench, Dictionary<Guid, Account> accounts, string drainName, string name, CancellationToken cancellationToken)
    {
        while (true)
        {
            await using var connection = await bench.Owner.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            Guid id;
            Account account;
            string content;
            await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
            {
                await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    return;
                }
                (id, account, content) = (reader.GetGuid(0), accounts[reader.GetGuid(1)], reader.GetString(2));
            }

            // Same call as the dispatcher's; a distinct text so LinkedIn does not answer DUPLICATE_POST.
            var text = content.Replace($" {drainName} ", $" {name} ", StringComparison.Ordinal);
            var urn = await bench.LinkedIn.CreatePostAsync(account.AccessToken, LinkedInClient.PersonUrn(account.MemberId),
                LittleText.Escape(text), [], cancellationToken);

            await using (var done = new NpgsqlCommand(
                "UPDATE post_publications SET status = 'published', published_at = now(), external_id = $2 WHERE id = $1", connection, transaction))
            {
                done.Parameters.Add(new NpgsqlParameter { Value = id });
                done.Parameters.Add(new NpgsqlParameter { Value = urn });
                await done.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
