namespace SocialPlanner.Sandbox.Faults;

/// <summary>
/// The single fault mechanism: every emulated operation runs through this filter, which counts the
/// call and, when a fault is armed for it, delays, hangs or answers with the platform's error shape.
/// </summary>
public sealed class EmulatedEndpointFilter(string endpoint, Func<FaultRule, IResult> platformError) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        services.GetRequiredService<CallStats>().Count(endpoint);
        var fault = services.GetRequiredService<FaultBook>().Take(endpoint, await CallerAsync(http));
        if (fault is null)
        {
            return await next(context);
        }

        var outcome = fault.AfterSuccess ? await next(context) : null;
        var aborted = http.RequestAborted;
        try
        {
            if (fault.DelayMs is > 0)
            {
                await Task.Delay(fault.DelayMs.Value, aborted);
            }

            if (fault.Hang)
            {
                await Task.Delay(Timeout.Infinite, aborted);
            }
        }
        catch (OperationCanceledException)
        {
            return Results.Empty;
        }

        if (!fault.AnswersWithError)
        {
            return fault.AfterSuccess ? outcome : await next(context);
        }

        if (fault.RetryAfterSeconds is { } seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return fault.Body is { } body && !fault.MalformedJson
            ? Results.Text(body, "application/json", statusCode: fault.Status ?? 500)
            : platformError(fault);
    }

    private static async Task<IReadOnlySet<string>> CallerAsync(HttpContext http)
    {
        var token = await AccessTokens.FromRequestAsync(http.Request);
        if (token is null)
        {
            return new HashSet<string>();
        }

        var identities = http.RequestServices.GetServices<ICallerIdentities>().SelectMany(p => p.IdentitiesOf(token));
        return new HashSet<string>(identities.Append(token), StringComparer.Ordinal);
    }
}

public static class EmulatedEndpointExtensions
{
    /// <summary>Marks a route as an emulated platform operation: counted and open to injected faults.</summary>
    public static RouteHandlerBuilder Emulates(this RouteHandlerBuilder route, string endpoint, Func<FaultRule, IResult> platformError) =>
        route.AddEndpointFilter(new EmulatedEndpointFilter(endpoint, platformError)).WithTags(endpoint.Split('.')[0]);
}
