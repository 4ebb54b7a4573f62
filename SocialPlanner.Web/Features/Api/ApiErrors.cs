using Microsoft.AspNetCore.Components;
using Radzen;

namespace SocialPlanner.Web.Features.Api;

/// <summary>
/// The single place an Api failure reaches the user: a notification in words (with the field errors listed),
/// or back to the sign-in page when the session has ended. Pages wrap their calls in <see cref="TryAsync"/>.
/// </summary>
public sealed class ApiErrors(NotificationService notifications, NavigationManager navigation)
{
    public void Show(ApiException error)
    {
        if (error.Status == 401)
        {
            var returnUrl = Uri.EscapeDataString(navigation.ToBaseRelativePath(navigation.Uri));
            navigation.NavigateTo($"login?returnUrl=/{returnUrl}", forceLoad: true);
            return;
        }
        var problem = error.Problem;
        var lines = new List<string> { problem.Summary };
        lines.AddRange(problem.FieldErrors.Where(e => e.Message != problem.Summary).Select(ApiProblem.Describe));
        notifications.Notify(new NotificationMessage
        {
            Severity = problem.Status >= 500 ? NotificationSeverity.Error : NotificationSeverity.Warning,
            Summary = problem.Heading,
            Detail = string.Join(" · ", lines.Distinct()),
            Duration = 10_000,
        });
    }

    /// <summary>Runs an Api call; on failure tells the user and answers false.</summary>
    public async Task<bool> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (ApiException error)
        {
            Show(error);
            return false;
        }
    }

    /// <summary>Runs an Api call; on failure tells the user and answers the default.</summary>
    public async Task<T?> TryAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException error)
        {
            Show(error);
            return default;
        }
    }

    public void Success(string summary, string? detail = null) =>
        notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Success, Summary = summary, Detail = detail ?? "", Duration = 5_000 });

    public void Warning(string summary, string? detail = null) =>
        notifications.Notify(new NotificationMessage { Severity = NotificationSeverity.Warning, Summary = summary, Detail = detail ?? "", Duration = 10_000 });
}
