using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SocialPlanner.Core.Media;

/// <summary>The media store, signed links and janitor, as the Api and the Worker both need them.</summary>
public static class MediaStorageRegistration
{
    public static IServiceCollection AddMediaStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.SigningKey),
                "Media:SigningKey is required: signed media links are forgeable without a secret "
                + "(Development has one in appsettings.Development.json; configure a real one elsewhere).")
            .Validate(o => o.UrlLifetimeDays > 0, "Media:UrlLifetimeDays must be positive.")
            .Validate(o => o.QuotaBytesPerUser > 0, "Media:QuotaBytesPerUser must be positive.")
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _),
                "Media:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();

        services.AddSingleton<IMediaStore>(sp =>
            new LocalMediaStore(Path.Combine(environment.ContentRootPath, sp.GetRequiredService<IOptions<MediaOptions>>().Value.Root)));
        services.AddSingleton(sp => new MediaUrlSigner(
            sp.GetRequiredService<IOptions<MediaOptions>>().Value.SigningKey!, environment.EnvironmentName));
        services.TryAddSingleton<IMediaBaseUrl, ConfiguredMediaBaseUrl>();
        services.AddSingleton<SignedMediaLinks>();
        services.AddSingleton<IMediaLinks>(sp => sp.GetRequiredService<SignedMediaLinks>());
        services.AddScoped<MediaJanitor>();
        return services;
    }

}
