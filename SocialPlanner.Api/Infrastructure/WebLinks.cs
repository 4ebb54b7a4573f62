namespace SocialPlanner.Api.Infrastructure;

/// <summary>Addresses in the web app that the Api hands out (emails, calendar events): <c>Web:BaseUrl</c> when
/// configured (production), else the address the AppHost gives the web resource.</summary>
public static class WebLinks
{
    public static string BaseUrl(IConfiguration configuration) =>
        (configuration["Web:BaseUrl"] ?? configuration["services:web:http:0"] ?? "http://localhost:5000").TrimEnd('/');

    public static Uri Post(IConfiguration configuration, Guid postId) => new($"{BaseUrl(configuration)}/posts/{postId}");
}
