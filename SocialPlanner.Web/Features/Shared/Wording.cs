namespace SocialPlanner.Web.Features.Shared;

/// <summary>Counts said the way a person writes them ("1 item", "3 items", "used once"), never "item(s)".</summary>
public static class Wording
{
    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";

    public static string Uses(int count) => count switch
    {
        0 => "Not used yet",
        1 => "Used once",
        2 => "Used twice",
        _ => $"Used {count:N0} times",
    };
}
