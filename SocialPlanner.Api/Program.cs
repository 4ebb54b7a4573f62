using Scalar.AspNetCore;
using SocialPlanner.Api.Ai;
using SocialPlanner.Api.Auth;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Extensions;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Insights;
using SocialPlanner.Api.Media;
using SocialPlanner.Api.Posts;
using SocialPlanner.Api.Queue;
using SocialPlanner.Api.RateLimiting;
using SocialPlanner.Api.Social;
using SocialPlanner.Api.Templates;
using SocialPlanner.Localisation;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddAppLocalisation();
builder.AddApplicationServices();
builder.AddMedia();
builder.AddAiServices().AddDistributedRateLimiting();

var app = builder.Build();

// First, so every answer — errors included — speaks the caller's Accept-Language.
app.UseAppRequestLocalisation();
app.UseApiErrorHandling();
app.UseUnstorableTextGuard();
app.UseAuthentication();
// Before authorization: a request refused for want of a valid token still counts against the global and per-address
// limits (spec "Rate Limiting"), so a flood of bad tokens is limited like any other.
app.UseDistributedRateLimiting();
app.UseAuthorization();
app.UseDbSession();
app.UseOutputCache();

app.MapDefaultEndpoints();
app.MapAuthApi();
app.MapAccountApi();
app.MapPostsApi();
app.MapCalendarApi();
app.MapCalendarChanges();
app.MapQueueApi();
app.MapCalendarFeedApi();
app.MapInsightsApi();
app.MapSocialApi();
app.MapMediaApi();
app.MapTemplatesApi();
app.MapAiApi();

if (app.Environment.IsDevelopment())
{
    app.MapOpenApi();
    app.MapScalarApiReference();
}

await app.RunAsync();
return 0;
