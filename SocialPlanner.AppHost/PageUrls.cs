/// <summary>Links in the dashboard to a page of a service (its API reference, its jobs, the sandbox's inbox), next to
/// the endpoint's own link.</summary>
internal static class PageUrls
{
    public static IResourceBuilder<T> WithPage<T>(this IResourceBuilder<T> builder, string path, string displayText)
        where T : IResourceWithEndpoints =>
        builder.WithUrls(context =>
        {
            if (context.Urls.FirstOrDefault(u => u.Endpoint?.EndpointName == "http") is { } http)
            {
                context.Urls.Add(new ResourceUrlAnnotation { Url = new Uri(new Uri(http.Url), path).ToString(), DisplayText = displayText });
            }
        });
}
