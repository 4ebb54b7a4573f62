using Microsoft.Extensions.Configuration;
using SocialPlanner.Hosting.Resources;

namespace SocialPlanner.Hosting;

/// <summary>The app model under construction, named as in Aspire.</summary>
public interface IDistributedApplicationBuilder
{
    /// <summary>Environment variables and command-line arguments of the AppHost.</summary>
    ConfigurationManager Configuration { get; }

    DistributedApplicationOptions Options { get; }

    IList<IResource> Resources { get; }

    /// <summary>Base for relative project paths.</summary>
    string AppHostDirectory { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    DistributedApplication Build();
}
