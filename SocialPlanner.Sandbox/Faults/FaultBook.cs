using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.Faults;

/// <summary>Armed faults, consumed first-armed first, each for its number of calls.</summary>
public sealed class FaultBook : IResettable
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Remaining, int Skip)> _armed = [];

    public void Arm(FaultRule rule)
    {
        lock (_gate)
        {
            _armed.Add((rule, Math.Max(1, rule.Times), Math.Max(0, rule.Skip)));
        }
    }

    public IReadOnlyList<FaultRule> Armed()
    {
        lock (_gate)
        {
            return _armed.Select(a => a.Rule with { Times = a.Remaining, Skip = a.Skip }).ToList();
        }
    }

    public FaultRule? Take(string endpoint, IReadOnlySet<string> caller)
    {
        lock (_gate)
        {
            // Each rule that matches draws in turn; a rule whose draw fails lets the next one try.
            var index = _armed.FindIndex(a => a.Rule.Endpoint == endpoint && (a.Rule.User is null || caller.Contains(a.Rule.User))
                && (a.Rule.Probability is not { } p || Random.Shared.NextDouble() < p));
            if (index < 0)
            {
                return null;
            }

            var (rule, remaining, skip) = _armed[index];
            if (skip > 0)
            {
                _armed[index] = (rule, remaining, skip - 1);
                return null;
            }

            if (remaining <= 1)
            {
                _armed.RemoveAt(index);
            }
            else
            {
                _armed[index] = (rule, remaining - 1, skip);
            }

            return rule;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _armed.Clear();
        }
    }
}
