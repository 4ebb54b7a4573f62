using System.Net;

namespace SocialPlanner.Sandbox.Pages;

/// <summary>The one page frame every sandbox page uses, so pages only compose their content.</summary>
public static class Html
{
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK) => TypedResults.Content(
        $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{Encode(title)}} · SocialPlanner sandbox</title>
        <style>
          body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; }
          table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
          pre { white-space: pre-wrap; margin: 0; } nav a { margin-right: 1rem; } button { font-size: 1rem; padding: .4rem 1.2rem; margin-right: .5rem; }
        </style></head>
        <body><nav><a href="/">Sandbox</a><a href="/mail">Inbox</a><a href="/published">Published</a></nav>
        <h1>{{Encode(title)}}</h1>
        {{body}}
        </body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: statusCode);
}
