namespace SocialPlanner.Core.Publishing;

/// <summary>Tells users what went wrong without holding up the dispatcher: the host queues the emails as durable
/// background jobs with their own retries.</summary>
public interface IPublishingNotifier
{
    void PublicationFailed(Guid publicationId);

    void ReconnectNeeded(Guid connectionId);
}
