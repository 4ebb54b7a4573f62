using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Mail;

var builder = WebApplication.CreateBuilder(args);

builder.AddSandboxCore();
builder.AddMailCatcher();

var app = builder.Build();

app.MapSandboxHealth();
app.MapMailCatcher();

app.Run();
