using System.Reflection;
using SocialPlanner.Hosting.Resources;

#pragma warning disable CA1707 // Aspire's generated names: the project name with '.' turned into '_'.
namespace Projects;

public sealed class SocialPlanner_Api : IProjectMetadata
{
    public string ProjectPath => ProjectPaths.Of("SocialPlanner.Api");
}

public sealed class SocialPlanner_Worker : IProjectMetadata
{
    public string ProjectPath => ProjectPaths.Of("SocialPlanner.Worker");
}

public sealed class SocialPlanner_Web : IProjectMetadata
{
    public string ProjectPath => ProjectPaths.Of("SocialPlanner.Web");
}

public sealed class SocialPlanner_MigrationService : IProjectMetadata
{
    public string ProjectPath => ProjectPaths.Of("SocialPlanner.MigrationService");
}

public sealed class SocialPlanner_Sandbox : IProjectMetadata
{
    public string ProjectPath => ProjectPaths.Of("SocialPlanner.Sandbox");
}

/// <summary>The AppHost itself: the type tests pass to <c>DistributedApplicationTestingBuilder.CreateAsync</c>.</summary>
public sealed class SocialPlanner_AppHost : IProjectMetadata
{
    public string ProjectPath => ProjectPaths.Of("SocialPlanner.AppHost");
}

internal static class ProjectPaths
{
    public static string Of(string project) =>
        Path.GetFullPath(typeof(ProjectPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ProjectPath:" + project).Value!);
}
