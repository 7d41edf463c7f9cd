namespace Arbiter.Core.Config;

/// <summary>
/// Where the request log, virtual keys and teams are kept. Defaults live in <see cref="ConfigDefaults"/>: an embedded
/// SQLite file under <c>data/</c> beside the working directory, so <c>arbiter serve</c> needs no setup.
/// </summary>
public sealed record StorageConfig
{
    /// <summary><c>sqlite</c> (default), <c>postgres</c>, or <c>memory</c> (nothing survives a restart). See <see cref="StorageTypes"/>.</summary>
    public string Type { get; init; } = ConfigDefaults.StorageType;
    /// <summary>The SQLite file; its folder is created. Default <see cref="ConfigDefaults.SqlitePath"/>.</summary>
    public string Path { get; init; } = ConfigDefaults.SqlitePath;
    /// <summary>For postgres: an <c>env:VARIABLE</c> reference to an Npgsql connection string (it may hold a password).</summary>
    public string? ConnectionString { get; init; }
    /// <summary>Request records older than this many days are deleted (hourly); 0 keeps them forever. Default <see cref="ConfigDefaults.RetentionDays"/>.</summary>
    public int RetentionDays { get; init; } = ConfigDefaults.RetentionDays;
}
