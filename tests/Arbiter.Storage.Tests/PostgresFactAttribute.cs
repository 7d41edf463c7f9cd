namespace Arbiter.Storage.Tests;

/// <summary>A test that needs the PostgreSQL server: skipped, saying why, only when <see cref="TestDatabases.PostgresVariable"/> is unset.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabases.PostgresConnectionString is null)
            Skip = $"{TestDatabases.PostgresVariable} is not set (a PostgreSQL connection string; .ci/run sets it)";
    }
}
