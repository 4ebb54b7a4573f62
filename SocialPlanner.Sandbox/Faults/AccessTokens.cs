namespace SocialPlanner.Sandbox.Faults;

/// <summary>Where platforms accept an access token: a Bearer header, or Graph's <c>access_token</c> query/form parameter.</summary>
public static class AccessTokens
{
    public static async Task<string?> FromRequestAsync(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }

        if (request.Query.TryGetValue("access_token", out var fromQuery))
        {
            return fromQuery.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            if (form.TryGetValue("access_token", out var fromForm))
            {
                return fromForm.ToString();
            }
        }

        return null;
    }
}
