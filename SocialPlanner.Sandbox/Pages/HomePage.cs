namespace SocialPlanner.Sandbox.Pages;

public static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Html.Page("SocialPlanner sandbox", """
            <p>A local stand-in for LinkedIn, Instagram Graph, an OpenAI-compatible chat API and an SMTP server.</p>
            <ul>
              <li><a href="/mail">Inbox</a> · <a href="/api/mail">/api/mail</a></li>
              <li><a href="/published">Published posts</a> · <a href="/api/published">/api/published</a></li>
              <li><a href="/api/stats">Calls per operation</a> · <a href="/sandbox/faults">Armed faults</a> · <a href="/sandbox/openai/requests">Chat requests received</a></li>
            </ul>
            <h2>Fault injection</h2>
            <p><code>POST /sandbox/faults</code> with e.g. <code>{"endpoint":"linkedin.posts","times":1,"status":503,"retry_after_seconds":30}</code>;
            other fields: <code>delay_ms</code>, <code>hang</code>, <code>after_success</code>, <code>body</code>, <code>malformed_json</code>,
            <code>error_code</code>, <code>error_subcode</code>, <code>user</code>, <code>skip</code> (matching calls let through first). <code>DELETE /sandbox/faults</code> disarms all.</p>
            <p>Operations: linkedin.authorize, linkedin.token, linkedin.userinfo, linkedin.posts, linkedin.posts.finder, linkedin.images, linkedin.images.get,
            linkedin.images.upload, linkedin.comments, linkedin.revoke, instagram.authorize, instagram.token, instagram.me, instagram.media, instagram.container, instagram.publish,
            instagram.limit, instagram.list, instagram.comments, instagram.comments.list, instagram.revoke, openai.chat.</p>
            <p><code>POST /sandbox/tokens/expire</code> <code>{"platform":"linkedin","member":"…","revoke":false}</code> ·
            <code>GET /sandbox/tokens/{platform}/{member or user id}</code> (each token's state) · <code>POST /sandbox/reset</code></p>
            """)).ExcludeFromDescription();
        return app;
    }
}
