namespace Microsoft.Extensions.Hosting;

/// <summary>Names of our own ActivitySources and Meters, so every service exports them without knowing the domain.</summary>
public static class Telemetry
{
    public static readonly string[] ActivitySourceNames = ["SocialPlanner.*"];
    public static readonly string[] MeterNames = ["SocialPlanner.*"];
}
