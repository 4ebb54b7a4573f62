using SocialPlanner.Core.Media;

namespace SocialPlanner.Api.Media;

public static class MediaRegistration
{
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<IMediaBaseUrl, RequestMediaBaseUrl>();
        builder.Services.AddMediaStorage(builder.Configuration, builder.Environment);
        builder.Services.AddScoped<MediaUploads>();
        return builder;
    }
}
