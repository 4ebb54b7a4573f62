using SocialPlanner.Api.Infrastructure;

// Until the database lands, the one-shot "migrations" resource has nothing to apply.
if (args.Contains("migrate"))
{
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
