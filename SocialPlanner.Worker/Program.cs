using SocialPlanner.Core.Data;
using SocialPlanner.Core.Hosting;
using SocialPlanner.Core.Mail;
using SocialPlanner.Core.Media;
using SocialPlanner.Worker.Insights;
using SocialPlanner.Worker.Jobs;
using SocialPlanner.Worker.Publishing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddAppDatabase();
// Every unit of work here is cross-user background work: the Worker role, never a user's.
builder.Services.AddScoped(_ => new DbSession { Role = DbRole.Worker });
builder.AddAppCache();
builder.Services.AddSharedDataProtection();
builder.Services.AddSmtpEmailSender(builder.Configuration);
builder.Services.AddMediaStorage(builder.Configuration, builder.Environment);
builder.AddPublishingDispatcher();
builder.AddInsightsCollector();
builder.AddJobs();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapJobs();

app.Run();
