using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Hosting;

/// <summary>Issue #13 §1: what the AppHost publishes for a deployment (docs/deploy.md): Postgres and Redis as
/// Aspire's containers whose passwords are secret parameters (never a literal), and every service as a project.</summary>
public sealed class DeploymentManifestTests
{
    [Fact]
    public async Task The_manifest_has_containers_for_the_data_servers_secret_passwords_and_every_service()
    {
        var output = Path.Combine(Path.GetTempPath(), "manifest-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var manifestPath = Path.Combine(output, "aspire-manifest.json");
            var (exitCode, stdout, log) = await BuiltProcess.RunAsync("SocialPlanner.AppHost",
                ["--publisher", "manifest", "--output-path", manifestPath], null, TimeSpan.FromMinutes(2));
            Assert.True(exitCode == 0, $"exit {exitCode}: {stdout}{log}");

            var resources = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, TestContext.Current.CancellationToken))!["resources"]!;
            Assert.Equal("container.v0", resources["postgres"]!["type"]!.GetValue<string>());
            Assert.Equal("container.v0", resources["cache"]!["type"]!.GetValue<string>());
            Assert.Equal("{postgres.connectionString};Database=socialplanner", resources["socialplanner"]!["connectionString"]!.GetValue<string>());
            foreach (var password in new[] { "postgres-password", "cache-password" })
            {
                Assert.True(resources[password]!["inputs"]!["value"]!["secret"]!.GetValue<bool>(), $"{password} is not secret");
            }
            Assert.Contains("Password={postgres-password.value}", resources["postgres"]!["connectionString"]!.GetValue<string>(), StringComparison.Ordinal);
            foreach (var service in new[] { "api", "worker", "web", "migrations" })
            {
                Assert.Equal("project.v0", resources[service]!["type"]!.GetValue<string>());
            }
            Assert.Equal("{socialplanner.connectionString}", resources["api"]!["env"]!["ConnectionStrings__socialplanner"]!.GetValue<string>());
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
