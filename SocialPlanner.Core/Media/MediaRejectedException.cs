namespace SocialPlanner.Core.Media;

/// <summary>The uploaded file is not an acceptable media file; the message says why, for the client.</summary>
public sealed class MediaRejectedException(string message, Exception? inner = null) : Exception(message, inner);
