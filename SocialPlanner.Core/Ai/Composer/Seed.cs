namespace SocialPlanner.Core.Ai.Composer;

/// <summary>A random source seeded by the input, so the same brief always composes the same text (string hash codes
/// are randomised per process, hence FNV-1a).</summary>
public static class Seed
{
    public static Random For(string input)
    {
        var hash = 2166136261u;
        foreach (var c in input)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return new Random((int)hash);
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static List<T> Shuffled<T>(this Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }
}
