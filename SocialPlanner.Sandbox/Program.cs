using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Media;
using SocialPlanner.Sandbox.Faults;
using SocialPlanner.Sandbox.Instagram;
using SocialPlanner.Sandbox.LinkedIn;
using SocialPlanner.Sandbox.Mail;
using SocialPlanner.Sandbox.OpenAi;
using SocialPlanner.Sandbox.Pages;
using SocialPlanner.Sandbox.Published;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSandboxCore();
builder.AddMailCatcher();
builder.AddLinkedIn();
builder.AddInstagram();
builder.AddOpenAi();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapHomePage();
app.MapSandboxControl();
app.MapMailCatcher();
app.MapLinkedIn();
app.MapInstagram();
app.MapOpenAi();
app.MapPublished();
app.MapSandboxAvatars();

app.Run();
