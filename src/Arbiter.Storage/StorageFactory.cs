using Arbiter.Core.Config;

namespace Arbiter.Storage;

/// <summary>Opens the configured storage and brings its schema up to date (migrations run at start-up, never per request).</summary>
public static class StorageFactory
{
    public static async Task<ArbiterStorage> OpenAsync(StorageConfig config, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        SqlDatabase database;
        string description;
        switch (config.Type)
        {
            case StorageTypes.Memory:
                return ArbiterStorage.InMemory();
            case StorageTypes.Postgres:
                var connectionString = SecretReference.Resolve(config.ConnectionString, environment)
                    ?? throw new ConfigException([$"storage.connection_string: environment variable {SecretReference.VariableOf(config.ConnectionString)} is not set"]);
                database = new PostgresDatabase(connectionString);
                description = "postgres";
                break;
            default:
                var sqlite = new SqliteDatabase(config.Path);
                database = sqlite;
                description = "sqlite " + sqlite.Path;
                break;
        }
        try
        {
            await Migrator.MigrateAsync(database, cancellationToken);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
        return ArbiterStorage.Sql(database, description);
    }
}
