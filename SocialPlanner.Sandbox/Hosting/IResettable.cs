namespace SocialPlanner.Sandbox.Hosting;

/// <summary>In-memory state that <c>POST /sandbox/reset</c> wipes.</summary>
public interface IResettable
{
    void Reset();
}
