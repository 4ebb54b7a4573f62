var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var db = postgres.AddDatabase("socialplanner");
var cache = builder.AddRedis("cache");
// Uploaded media: written by the Api, read by the Worker (Instagram, clean-ups), so both share one directory.
var mediaRoot = Path.Combine(builder.Options.DataRoot, "media");

var sandbox = builder.AddProject<Projects.SocialPlanner_Sandbox>("sandbox")
    .WithEndpoint("smtp", envVar: "Sandbox__SmtpPort");

// One-shot: applies EF migrations and exits 0; api and worker start after it.
var migrations = builder.AddProject<Projects.SocialPlanner_MigrationService>("migrations")
    .WithReference(db).WaitFor(db);

var api = builder.AddProject<Projects.SocialPlanner_Api>("api")
    .WithEnvironment("Media__Root", mediaRoot)
    .WithReference(db).WithReference(cache)
    .WithReference(sandbox).WithReference(sandbox.GetEndpoint("smtp"), "mail")
    .WaitFor(db).WaitFor(cache).WaitForCompletion(migrations);

builder.AddProject<Projects.SocialPlanner_Worker>("worker")
    .WithEnvironment("Media__Root", mediaRoot)
    .WithReference(api)
    .WithReference(db).WithReference(cache)
    .WithReference(sandbox).WithReference(sandbox.GetEndpoint("smtp"), "mail")
    .WaitFor(db).WaitFor(cache).WaitForCompletion(migrations);

var web = builder.AddProject<Projects.SocialPlanner_Web>("web")
    .WithReference(api).WaitFor(api)
    .WithExternalHttpEndpoints();

// Links in emails (password reset) point at the Web app.
api.WithReference(web);

builder.Build().Run();
