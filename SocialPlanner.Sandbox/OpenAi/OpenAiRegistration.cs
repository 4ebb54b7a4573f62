using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.OpenAi;

public static class OpenAiRegistration
{
    public static WebApplicationBuilder AddOpenAi(this WebApplicationBuilder builder)
    {
        builder.Services.AddResettable<ChatRequestLog>();
        return builder;
    }
}
