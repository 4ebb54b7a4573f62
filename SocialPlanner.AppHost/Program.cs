var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder);

// Containers where a container runtime answers or when publishing; the machine's own binaries otherwise.
var db = builder.AddAppDatabase("postgres", "socialplanner", settings);
var cache = builder.AddAppRedis("cache", settings);
// Uploaded media: written by the Api, read by the Worker (Instagram, clean-ups), so both share one directory.
var mediaRoot = Path.Combine(settings.DataRoot, "media");

var sandbox = builder.AddProject<Projects.SocialPlanner_Sandbox>("sandbox")
    .WithEndpoint(port: settings.Port(2525), scheme: "tcp", name: "smtp", env: "Sandbox__SmtpPort")
    .WithHttpHealthCheck("/health")
    .WithSandboxCommands();
var smtp = ReferenceExpression.Create($"smtp://127.0.0.1:{sandbox.GetEndpoint("smtp").Property(EndpointProperty.Port)}");

// One-shot: applies EF migrations and exits 0; api and worker start after it.
var migrations = builder.AddProject<Projects.SocialPlanner_MigrationService>("migrations")
    .WithReference(db).WaitFor(db);

var api = builder.AddProject<Projects.SocialPlanner_Api>("api")
    .WithEnvironment("Media__Root", mediaRoot)
    .WithReference(db).WithReference(cache)
    .WithReference(sandbox).WithEnvironment("ConnectionStrings__mail", smtp)
    .WaitFor(db).WaitFor(cache).WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Api")
    .WithPage("/scalar", "API reference (Scalar)");

builder.AddProject<Projects.SocialPlanner_Worker>("worker")
    .WithEnvironment("Media__Root", mediaRoot)
    .WithReference(api)
    .WithReference(db).WithReference(cache)
    .WithReference(sandbox).WithEnvironment("ConnectionStrings__mail", smtp)
    .WaitFor(db).WaitFor(cache).WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Worker")
    .WithPage("/hangfire", "Jobs (Hangfire)");

var web = builder.AddProject<Projects.SocialPlanner_Web>("web")
    .WithReference(api).WaitFor(api)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "SocialPlanner");

// Links in emails (password reset) point at the Web app.
api.WithReference(web);

builder.RunBuiltProjects(settings).RestartCrashedResources(settings);
builder.Build().Run();
