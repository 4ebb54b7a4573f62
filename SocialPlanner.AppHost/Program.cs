var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder);

// Containers where a container runtime answers or when publishing; the machine's own binaries otherwise.
var db = builder.AddAppDatabase("postgres", "socialplanner", settings);
var cache = builder.AddAppRedis("cache", settings);
// Uploaded media: written by the Api, read by the Worker (Instagram, clean-ups), so both share one directory.
var mediaRoot = Path.Combine(settings.DataRoot, "media");

// The sandbox emulating LinkedIn, Instagram, the AI provider and SMTP here; the real ones' parameters when publishing.
var platforms = builder.AddPlatforms(settings);

// One-shot: applies EF migrations and exits 0; api and worker start after it.
var migrations = builder.AddProject<Projects.SocialPlanner_MigrationService>("migrations")
    .WithReference(db).WaitFor(db);

var api = builder.AddProject<Projects.SocialPlanner_Api>("api")
    .WithEnvironment("Media__Root", mediaRoot)
    .WithReference(db).WithReference(cache)
    .WithPlatforms(platforms)
    .WaitFor(db).WaitFor(cache).WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Api")
    .WithPage("/scalar", "API reference (Scalar)");

builder.AddProject<Projects.SocialPlanner_Worker>("worker")
    .WithEnvironment("Media__Root", mediaRoot)
    .WithReference(api)
    .WithReference(db).WithReference(cache)
    .WithPlatforms(platforms)
    .WaitFor(db).WaitFor(cache).WaitForCompletion(migrations)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Worker")
    .WithPage("/hangfire", "Jobs (Hangfire)");

// The web does not wait for the Api: it calls it only when a page asks (with retries), so it starts alongside it.
var web = builder.AddProject<Projects.SocialPlanner_Web>("web")
    .WithReference(api)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "SocialPlanner");

// Links in emails (password reset) point at the Web app.
api.WithReference(web);

builder.RunBuiltProjects(settings).RestartCrashedResources(settings).AskHealthChecksPatiently();
builder.Build().Run();
