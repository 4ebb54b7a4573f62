namespace SocialPlanner.Hosting.Resources;

/// <summary>Names a .NET project of the solution, as Aspire's generated <c>Projects.*</c> classes do.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
}
