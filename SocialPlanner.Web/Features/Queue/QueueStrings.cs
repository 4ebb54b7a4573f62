namespace SocialPlanner.Web.Features.Queue;

/// <summary>Marker of the queue's texts: the Queue page, the pause banner and the resume dialog (QueueStrings.resx,
/// QueueStrings.fr.resx).</summary>
public sealed class QueueStrings;
