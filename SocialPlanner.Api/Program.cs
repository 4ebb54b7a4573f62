using SocialPlanner.Api.Ai;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.RateLimiting;
using SocialPlanner.Core.Data;

if (args.Contains("migrate"))
{
    await MigrationCommand.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddApiJson();
builder.Services.AddApiErrorHandling();
builder.AddAiServices().AddDistributedRateLimiting();

var app = builder.Build();

app.UseApiErrorHandling();
app.UseDistributedRateLimiting();
app.MapDefaultEndpoints();
app.MapAiApi();

app.Run();
