namespace SocialPlanner.Sandbox.Mail;

internal static partial class MailLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP catcher listening on 127.0.0.1:{Port}")]
    public static partial void Listening(this ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Caught mail {MailId} to {Recipients}: {Subject}")]
    public static partial void Caught(this ILogger logger, long mailId, IReadOnlyList<string> recipients, string subject);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SMTP session ended abruptly")]
    public static partial void SessionAborted(this ILogger logger, Exception exception);
}
