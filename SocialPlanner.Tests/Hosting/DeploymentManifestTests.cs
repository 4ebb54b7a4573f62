using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Hosting;

/// <summary>Issue #13 §1: what the AppHost publishes for a deployment (docs/deploy.md): Postgres and Redis as
/// Aspire's containers whose passwords are secret parameters (never a literal), every service as a project, and no
/// sandbox: the real mail server, AI provider and platform OAuth apps are parameters the deployer provides.</summary>
public sealed class DeploymentManifestTests
{
    [Fact]
    public async Task The_manifest_has_containers_for_the_data_servers_secret_parameters_every_service_and_no_sandbox()
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

            Assert.Null(resources["sandbox"]);
            foreach (var service in new[] { "api", "worker" })
            {
                var env = resources[service]!["env"]!.AsObject();
                Assert.DoesNotContain(env, e => e.Key.Contains("sandbox", StringComparison.OrdinalIgnoreCase));
                Assert.Equal("{mail.connectionString}", env["ConnectionStrings__mail"]!.GetValue<string>());
                Assert.Equal("{openai.connectionString}", env["ConnectionStrings__openai"]!.GetValue<string>());
                Assert.Equal("{linkedin-client-secret.value}", env["LinkedIn__ClientSecret"]!.GetValue<string>());
                Assert.Equal("{instagram-client-secret.value}", env["Instagram__ClientSecret"]!.GetValue<string>());
            }
            foreach (var secret in new[] { "linkedin-client-secret", "instagram-client-secret", "mail", "openai" })
            {
                Assert.True(resources[secret]!["inputs"]!["value"]!["secret"]!.GetValue<bool>(), $"{secret} is not secret");
            }
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
