namespace SocialPlanner.Core.Data;

/// <summary>SQL fragments the entity configurations share, so every table gets the same defaults.</summary>
internal static class Sql
{
    public const string Now = "now()";
    public const string NewId = "gen_random_uuid()";
    public const string EmptyArray = "'{}'";
    public const string EmptyJson = "'{}'::jsonb";
}
