using Scalar.AspNetCore;
using SocialPlanner.Api.Auth;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Extensions;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Posts;
using SocialPlanner.Api.Social;

if (args.Contains("migrate"))
{
    await MigrationCommand.RunAsync(args);
    return 0;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApiErrorHandling();
app.UseAuthentication();
app.UseAuthorization();
app.UseDbSession();
app.UseOutputCache();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapPostsApi();
app.MapCalendarApi();
app.MapSocialApi();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}

await app.RunAsync();
return 0;
