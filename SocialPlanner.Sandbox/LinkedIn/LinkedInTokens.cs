using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.LinkedIn;

public sealed class LinkedInTokens(TimeProvider clock) : TokenBook(clock)
{
    public override string Platform => "linkedin";

    protected override string TokenPrefix => "AQV";

    public static string PersonUrn(string memberId) => $"urn:li:person:{memberId}";

    protected override IEnumerable<string> NamesOf(string subject) => [subject, PersonUrn(subject)];
}
