namespace SocialPlanner.Sandbox.Mail;

public sealed record CaughtMail(
    long Id,
    string From,
    IReadOnlyList<string> To,
    string Subject,
    string? TextBody,
    string? HtmlBody,
    DateTimeOffset ReceivedAt,
    string Raw);
