/// <summary>
/// Where the Api and the Worker find LinkedIn, Instagram, the AI provider and the mail server. When the app runs here
/// (development, tests) that is the sandbox, one project emulating all of them, discovered through its reference.
/// A published manifest has no sandbox: it asks the deployer for the real ones as parameters (the mail server and the
/// AI provider as connection strings, the platforms' OAuth apps as client ids and secret client secrets); the
/// platforms' own hosts are the services' defaults when no sandbox is referenced.
/// </summary>
internal sealed class Platforms
{
    private readonly Action<IResourceBuilder<ProjectResource>> _wire;

    private Platforms(Action<IResourceBuilder<ProjectResource>> wire) => _wire = wire;

    public static Platforms Add(IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        if (builder.ExecutionContext.IsRunMode)
        {
            // The SMTP catcher listens on the port we choose (no DCP proxy): in tests a free one outside the kernel's
            // ephemeral range (AppHostSettings.Port), like the data servers.
            var smtpPort = settings.Port(2525);
            var sandbox = builder.AddProject<Projects.SocialPlanner_Sandbox>("sandbox")
                .WithEndpoint(port: smtpPort, targetPort: smtpPort, scheme: "tcp", name: "smtp", env: "Sandbox__SmtpPort", isProxied: false)
                .WithHttpHealthCheck("/health")
                .WithSandboxCommands();
            var smtp = ReferenceExpression.Create($"smtp://127.0.0.1:{sandbox.GetEndpoint("smtp").Property(EndpointProperty.Port)}");
            // The sandbox plays a LinkedIn app approved for member post analytics, so insights show in development;
            // a real app asks for r_member_postAnalytics only once LinkedIn granted it (docs/insights.md).
            return new Platforms(service => service
                .WithReference(sandbox)
                .WithEnvironment("ConnectionStrings__mail", smtp)
                .WithEnvironment("LinkedIn__Scopes", "openid profile email w_member_social r_member_postAnalytics"));
        }

        var mail = builder.AddConnectionString("mail");
        var openai = builder.AddConnectionString("openai");
        var linkedInId = builder.AddParameter("linkedin-client-id");
        var linkedInSecret = builder.AddParameter("linkedin-client-secret", secret: true);
        var instagramId = builder.AddParameter("instagram-client-id");
        var instagramSecret = builder.AddParameter("instagram-client-secret", secret: true);
        return new Platforms(service => service
            .WithReference(mail)
            .WithReference(openai)
            .WithEnvironment("LinkedIn__ClientId", linkedInId)
            .WithEnvironment("LinkedIn__ClientSecret", linkedInSecret)
            .WithEnvironment("Instagram__ClientId", instagramId)
            .WithEnvironment("Instagram__ClientSecret", instagramSecret));
    }

    public IResourceBuilder<ProjectResource> WireInto(IResourceBuilder<ProjectResource> service)
    {
        _wire(service);
        return service;
    }
}

internal static class PlatformsExtensions
{
    /// <summary>The sandbox here, the real platforms' parameters in a published manifest (see <see cref="Platforms"/>).</summary>
    public static Platforms AddPlatforms(this IDistributedApplicationBuilder builder, AppHostSettings settings) =>
        Platforms.Add(builder, settings);

    public static IResourceBuilder<ProjectResource> WithPlatforms(this IResourceBuilder<ProjectResource> service, Platforms platforms) =>
        platforms.WireInto(service);
}
