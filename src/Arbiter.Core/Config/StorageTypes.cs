namespace Arbiter.Core.Config;

/// <summary>The <c>storage.type</c> values.</summary>
public static class StorageTypes
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string Memory = "memory";

    public static readonly IReadOnlyList<string> All = [Sqlite, Postgres, Memory];
}
