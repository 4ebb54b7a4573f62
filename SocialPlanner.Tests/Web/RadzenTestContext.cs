using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace SocialPlanner.Tests.Web;

/// <summary>A bUnit context with Radzen's services and the localizers every component injects; Radzen components call
/// JS for layout, which is irrelevant here.</summary>
public abstract class RadzenTestContext : BunitContext
{
    protected RadzenTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
        Services.AddLocalization();
    }
}
