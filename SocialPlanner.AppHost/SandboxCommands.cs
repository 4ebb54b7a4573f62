using System.Net.Http.Json;

/// <summary>Dashboard buttons on the platform sandbox, for trying the unhappy paths by hand.</summary>
internal static class SandboxCommands
{
    public static IResourceBuilder<ProjectResource> WithSandboxCommands(this IResourceBuilder<ProjectResource> sandbox) => sandbox
        .WithHttpCommand("/sandbox/reset", "Reset sandbox", commandName: "sandbox-reset", commandOptions: new HttpCommandOptions
        {
            Description = "Forget every published post, mail, token and armed fault",
            ConfirmationMessage = "Forget everything the sandbox holds?",
            IconName = "ArrowReset",
        })
        .WithHttpCommand("/sandbox/faults", "Fail the next LinkedIn publish", commandName: "sandbox-fail-linkedin", commandOptions: new HttpCommandOptions
        {
            Description = "The next LinkedIn post call answers 500: the Worker retries, then tells the user",
            IconName = "ErrorCircle",
            PrepareRequest = context =>
            {
                context.Request.Content = JsonContent.Create(new { endpoint = "linkedin.posts", status = 500, times = 1 });
                return Task.CompletedTask;
            },
        })
        .WithUrlForEndpoint("http", url => url.DisplayText = "Sandbox")
        .WithPage("/mail", "Mail inbox")
        .WithPage("/published", "Published posts");
}
