using SocialPlanner.Api.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddApiJson();
builder.Services.AddApiErrorHandling();

var app = builder.Build();

app.UseApiErrorHandling();
app.MapDefaultEndpoints();

app.Run();
