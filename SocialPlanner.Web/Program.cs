using Radzen;
using SocialPlanner.Localisation;
using SocialPlanner.Web.Components;
using SocialPlanner.Web.Features;
using SocialPlanner.Web.Features.Auth;
using SocialPlanner.Web.Features.Media;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddAppLocalisation();
builder.AddWebSession();
builder.Services.AddFeatureClients();
builder.Services.AddRadzenComponents();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
// The user's language (culture cookie set at sign-in and in Settings), else the browser's; a circuit keeps the
// culture of the request that opened it.
app.UseAppRequestLocalisation();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAuthEndpoints();
app.MapMediaEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();
app.MapDefaultEndpoints();

app.Run();
