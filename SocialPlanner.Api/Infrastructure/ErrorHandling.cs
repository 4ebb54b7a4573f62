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
                403 => new ApiProblem(403, ErrorTypes.Forbidden, "Forbidden", "You are not allowed to do this"),
                404 => new ApiProblem(404, ErrorTypes.NotFound, "Not Found", "No such resource"),
                405 => new ApiProblem(405, ErrorTypes.MethodNotAllowed, "Method Not Allowed", $"{http.Request.Method} is not allowed here"),
                413 => new ApiProblem(413, ErrorTypes.PayloadTooLarge, "Payload Too Large", "The request body is too large"),
                415 => new ApiProblem(415, ErrorTypes.UnsupportedMediaType, "Unsupported Media Type", "Send a JSON body with Content-Type: application/json"),
                var s => new ApiProblem(s, "error", "Error", $"The request failed with status {s}"),
            };
            await ErrorWriter.WriteAsync(http, problem.ToError(http.Request.Path));
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
                BadHttpRequestException { InnerException: JsonException json } => ApiProblem.BadRequest($"The JSON body is malformed: {json.Message}"),
                BadHttpRequestException bad when bad.StatusCode == 413 => new ApiProblem(413, ErrorTypes.PayloadTooLarge, "Payload Too Large", bad.Message),
                BadHttpRequestException bad => new ApiProblem(bad.StatusCode, ErrorTypes.Validation, "Bad Request", bad.Message),
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
                problem = new ApiProblem(500, ErrorTypes.Internal, "Internal Server Error", "Something went wrong on our side; it has been logged");
            }
            // Executed rather than only serialized, so its headers (Retry-After of a 429 or 503) are sent too.
            await problem.ExecuteAsync(context);
            return true;
        }
    }
}
