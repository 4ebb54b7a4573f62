namespace SocialPlanner.Sandbox.Pages;

/// <summary>The "Allow / Cancel" screen a person sees during OAuth; it posts back to the authorize URL.</summary>
public static class ConsentPage
{
    public static IResult Render(string platform, string action, IReadOnlyDictionary<string, string> request, IReadOnlyList<string> scopes)
    {
        var hidden = string.Concat(request
            .Where(p => p.Key is not ("decision" or "sandbox_member" or "auto_consent"))
            .Select(p => $"""<input type="hidden" name="{Html.Encode(p.Key)}" value="{Html.Encode(p.Value)}">"""));
        var scopeList = string.Concat(scopes.Select(s => $"<li><code>{Html.Encode(s)}</code></li>"));
        return Html.Page($"{platform}: allow access?", $"""
            <p>The app <code>{Html.Encode(request.GetValueOrDefault("client_id"))}</code> asks for:</p>
            <ul>{scopeList}</ul>
            <form method="post" action="{Html.Encode(action)}">
              {hidden}
              <p><label>Sign in as <input name="sandbox_member" placeholder="leave empty for a new account"></label></p>
              <button type="submit" name="decision" value="allow">Allow</button>
              <button type="submit" name="decision" value="cancel">Cancel</button>
            </form>
            """);
    }
}
