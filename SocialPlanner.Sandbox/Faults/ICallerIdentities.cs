namespace SocialPlanner.Sandbox.Faults;

/// <summary>A platform's view of who a presented access token belongs to, so faults can target one user.</summary>
public interface ICallerIdentities
{
    IEnumerable<string> IdentitiesOf(string accessToken);
}
