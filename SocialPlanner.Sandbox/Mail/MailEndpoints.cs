using Microsoft.AspNetCore.Http.HttpResults;

using SocialPlanner.Sandbox.Pages;

namespace SocialPlanner.Sandbox.Mail;

public static class MailEndpoints
{
    public static IEndpointRouteBuilder MapMailCatcher(this IEndpointRouteBuilder app)
    {
        app.MapGet("/mail", InboxPage).ExcludeFromDescription();

        var api = app.MapGroup("/api/mail").WithTags("Mail");
        api.MapGet("/", (MailStore store, string? to) => TypedResults.Ok(store.List(to))).WithName("ListMail");
        api.MapGet("/{id:long}", GetMail).WithName("GetMail");
        api.MapDelete("/", (MailStore store) =>
        {
            store.Reset();
            return TypedResults.NoContent();
        }).WithName("DeleteAllMail");
        return app;
    }

    private static Results<Ok<CaughtMail>, NotFound> GetMail(long id, MailStore store) =>
        store.Find(id) is { } mail ? TypedResults.Ok(mail) : TypedResults.NotFound();

    private static IResult InboxPage(MailStore store, string? to)
    {
        var rows = string.Concat(store.List(to).Select(m => $"""
            <tr><td>{m.Id}</td><td>{m.ReceivedAt:u}</td><td>{Html.Encode(m.From)}</td><td>{Html.Encode(string.Join(", ", m.To))}</td>
            <td><details><summary>{Html.Encode(m.Subject)}</summary><pre>{Html.Encode(m.TextBody ?? m.HtmlBody)}</pre></details></td></tr>
            """));
        return Html.Page("Inbox", $"""
            <p>Mail sent to the SMTP catcher. JSON: <a href="/api/mail">/api/mail</a></p>
            <table><tr><th>#</th><th>Received</th><th>From</th><th>To</th><th>Subject</th></tr>{rows}</table>
            """);
    }
}
