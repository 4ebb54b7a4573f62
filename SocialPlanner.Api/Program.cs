using SocialPlanner.Api.Infrastructure;
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

var app = builder.Build();

app.UseApiErrorHandling();
app.MapDefaultEndpoints();

app.Run();
