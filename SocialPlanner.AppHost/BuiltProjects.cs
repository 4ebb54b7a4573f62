using System.Reflection;

/// <summary>Runs each project from its build output (<c>bin/{configuration}/net10.0/{name}</c>) instead of Aspire's
/// default <c>dotnet run --no-build</c>, which evaluates the project with MSBuild at every start: on two cores that
/// cost seconds per service and per test app. A project not built yet falls back to <c>dotnet run</c>.</summary>
internal static class BuiltProjects
{
    public static IDistributedApplicationBuilder RunBuiltProjects(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }
        var configuration = typeof(BuiltProjects).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            var projectPath = project.GetProjectMetadata().ProjectPath;
            var directory = Path.GetDirectoryName(projectPath)!;
            var executable = Path.Combine(directory, "bin", configuration, "net10.0", Path.GetFileNameWithoutExtension(projectPath));
            if (File.Exists(executable))
            {
                project.Annotations.Add(new ExecutableAnnotation { Command = executable, WorkingDirectory = directory });
            }
        }
        return builder;
    }
}
