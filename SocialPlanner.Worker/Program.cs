using System.Globalization;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Hosting;
using SocialPlanner.Core.Mail;
using SocialPlanner.Core.Media;
using SocialPlanner.Localisation;
using SocialPlanner.Worker.Insights;
using SocialPlanner.Worker.Jobs;
using SocialPlanner.Worker.Publishing;

// The Worker has no reader: it runs in English whatever the host's locale. A failure reason is stored in English
// (error_message) and in every language (error_texts, Sentence.Translations); the emails switch to their user's
// language themselves (UserCulture).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = Languages.Culture(Languages.Default);

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
