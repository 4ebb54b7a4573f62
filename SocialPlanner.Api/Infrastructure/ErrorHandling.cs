using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace SocialPlanner.Api.Infrastructure;

/// <summary>Makes the framework's own answers (401, 404, 405, 415, malformed JSON, unhandled exceptions) speak
/// the spec's error format too, so a client never has to parse two shapes.</summary>
public static class ErrorHandling
{
    public static IServiceCollection AddApiErrorHandling(this IServiceCollection services)
    {
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddProblemDetails();
        return services;
    }

    public static WebApplication UseApiErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength > 0 || http.Response.ContentType is not null)
            {
                return;
            }
            var problem = http.Response.StatusCode switch
            {
                401 => ApiProblem.Unauthorized(),
                403 => ApiProblem.Forbidden(ApiText.Of("Http.Forbidden")),
                404 => ApiProblem.NotFound("Resource"),
                405 => ApiProblem.MethodNotAllowed(http.Request.Method),
                413 => ApiProblem.PayloadTooLarge(ApiText.Of("Http.PayloadTooLarge")),
                415 => ApiProblem.UnsupportedMediaType(),
                var s => ApiProblem.OtherStatus(s),
            };
            await ErrorWriter.WriteAsync(http, problem.ToError(http));
        });
        return app;
    }

    private sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
        {
            var problem = exception switch
            {
                ApiProblemException api => api.Problem,
                BadHttpRequestException { InnerException: JsonException json } => ApiProblem.BadRequest(ApiText.Of("Http.MalformedJson", json.Message)),
                BadHttpRequestException bad when bad.StatusCode == 413 => ApiProblem.PayloadTooLarge(ApiText.Of("Http.PayloadTooLarge")),
                // The framework's own words about the binding (which parameter, which value): English only.
                BadHttpRequestException bad => ApiProblem.BadRequest(ApiText.Verbatim(bad.Message), bad.StatusCode),
                _ => null,
            };
            if (problem is null && DependencyOutage.Find(exception) is { } dependency)
            {
                problem = DependencyOutage.ProblemFor(dependency);
                logger.LogWarning("{Method} {Path}: {Dependency} unreachable, answered 503 ({Error})", context.Request.Method,
                    context.Request.Path, dependency, exception.Message);
            }
            if (problem is null)
            {
                logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
                problem = ApiProblem.InternalError();
            }
            // Executed rather than only serialized, so its headers (Retry-After of a 429 or 503) are sent too.
            await problem.ExecuteAsync(context);
            return true;
        }
    }
}
