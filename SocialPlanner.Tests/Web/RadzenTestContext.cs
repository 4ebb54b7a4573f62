using Bunit;
using Radzen;

namespace SocialPlanner.Tests.Web;

/// <summary>A bUnit context with Radzen's services; Radzen components call JS for layout, which is irrelevant here.</summary>
public abstract class RadzenTestContext : BunitContext
{
    protected RadzenTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddRadzenComponents();
    }
}
