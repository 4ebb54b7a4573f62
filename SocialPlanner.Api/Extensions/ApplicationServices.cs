using SocialPlanner.Api.Auth;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Social;
using SocialPlanner.Core.Hosting;
using SocialPlanner.Core.Mail;

namespace SocialPlanner.Api.Extensions;

public static class ApplicationServices
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddApiJson();
        services.AddApiErrorHandling();
        services.AddRequestValidation();

        builder.AddAppDatabase();
        builder.AddAppCache();
        services.AddSingleton<RedisOutage>();

        services.AddSmtpEmailSender(builder.Configuration);
        services.AddSingleton<MailOutbox>();
        services.AddHostedService<MailOutboxSender>();

        builder.AddAuth();
        builder.AddCalendarCache();
        builder.AddSocialConnections();
        services.AddOpenApi();
        return builder;
    }
}
