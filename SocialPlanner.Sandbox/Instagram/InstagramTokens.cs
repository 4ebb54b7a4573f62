using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.Instagram;

public sealed class InstagramTokens(TimeProvider clock) : TokenBook(clock)
{
    public override string Platform => "instagram";

    protected override string TokenPrefix => "IGAA";

    protected override IEnumerable<string> NamesOf(string subject) => [subject];
}
