namespace SocialPlanner.Hosting;

/// <summary>A failure whose message is written for the developer as-is: one clear line.</summary>
public sealed class DistributedApplicationException : Exception
{
    public DistributedApplicationException(string message) : base(message)
    {
    }

    public DistributedApplicationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public DistributedApplicationException()
    {
    }
}
