using SocialPlanner.Core.Hosting;
using SocialPlanner.MigrationService;

// The one-shot "migrations" resource (Aspire's migration-service pattern): applies pending EF migrations and exits
// 0; the Api and the Worker start only after it completed (WaitForCompletion in the AppHost).
var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddAppDatabase();
builder.Services.AddHostedService<MigrationWorker>();

await builder.Build().RunAsync();
