using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocialPlanner.Core.Mail;

public static class MailExtensions
{
    /// <summary>Registers <see cref="IEmailSender"/> over SMTP: server from <c>ConnectionStrings:mail</c>, sender
    /// address from <c>Mail:From</c>.</summary>
    public static IServiceCollection AddSmtpEmailSender(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection("Mail"))
            .Configure(o =>
            {
                if (configuration.GetConnectionString("mail") is { Length: > 0 } server)
                {
                    o.Server = new Uri(server);
                }
            });
        services.AddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
