using System.Text.RegularExpressions;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>Issue #12's chaos scenario, short: the repo's chaos command (<c>./chaos.sh</c>) run as a process against
/// an app of its own — 100 posts over 20 s, ~20 % of LinkedIn's post calls failing, a worker SIGKILLed and Postgres's
/// postmaster SIGKILLed mid-window, both restarted by the AppHost. Every post must end published or failed, once,
/// never published without the platform having it, and the Api must answer 503 (never 500) while the database is down.</summary>
public sealed partial class ChaosTests
{
    [Fact]
    public async Task A_hundred_posts_through_platform_faults_a_killed_worker_and_a_killed_postgres_each_end_final_and_once()
    {
        var (exitCode, output, log) = await RunChaosAsync(
            "--users", "10", "--posts", "100", "--window-seconds", "20", "--worker-kills", "1", "--postgres-kills", "1",
            "--patience-seconds", "150");

        var line = output.Split('\n').SingleOrDefault(l => l.StartsWith("chaos:", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No result line (exit code {exitCode}).{Environment.NewLine}{output}{Environment.NewLine}{log}");
        var figures = Figures().Matches(line).ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exitCode == 0, $"{line}{Environment.NewLine}{log}");
        Assert.Equal(100, figures["scheduled"]);
        Assert.Equal(100, figures["published"] + figures["failed"]);
        Assert.Equal(0, figures["stuck"]);
        Assert.Equal(0, figures["duplicates"]);
        Assert.Equal(0, figures["never received"]);
        Assert.Equal(0, figures["inconsistent"]);
        Assert.Equal(1, figures["worker"]);
        Assert.Equal(1, figures["postgres"]);
        var api = ApiFigures().Match(line);
        Assert.True(int.Parse(api.Groups["unavailable"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, line);
        Assert.Equal("0", api.Groups["errors"].Value);
    }

    [GeneratedRegex(@"(?<name>scheduled|published|failed|stuck|duplicates|never received|inconsistent|worker|postgres) (?<n>\d+)")]
    private static partial Regex Figures();

    [GeneratedRegex(@"(?<unavailable>\d+)× 503, (?<errors>\d+)× 500")]
    private static partial Regex ApiFigures();

    private static Task<(int ExitCode, string Output, string Log)> RunChaosAsync(params string[] arguments) =>
        BuiltProcess.RunAsync("SocialPlanner.Benchmarks", ["chaos", .. arguments], null, TimeSpan.FromMinutes(8));
}
