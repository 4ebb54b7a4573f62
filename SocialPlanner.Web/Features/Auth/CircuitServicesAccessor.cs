using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SocialPlanner.Web.Features.Auth;

/// <summary>
/// HttpClient message handlers live in their own DI scope, not the circuit's, so they cannot see who the user
/// is. The circuit's services flow to them through this async-local (the pattern from the Blazor docs).
/// </summary>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> CurrentServices = new();

    public IServiceProvider? Services
    {
        get => CurrentServices.Value;
        set => CurrentServices.Value = value;
    }
}

public sealed class CircuitServicesActivityHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
