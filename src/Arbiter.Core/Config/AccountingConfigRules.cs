namespace Arbiter.Core.Config;

/// <summary>The checks of <c>storage:</c>, <c>auth:</c> and <c>accounting:</c>, called by <see cref="ConfigValidator"/>.</summary>
internal static class AccountingConfigRules
{
    public static void Check(ArbiterConfig config, Func<string, string?> environment, List<string> errors)
    {
        if (config.Storage is not { } s) errors.Add("storage: empty section; remove it or give type");
        else
        {
            if (!StorageTypes.All.Contains(s.Type))
                errors.Add($"storage.type: unknown type '{s.Type}' (known: {string.Join(", ", StorageTypes.All)})");
            if (s.Type == StorageTypes.Sqlite && string.IsNullOrWhiteSpace(s.Path)) errors.Add("storage.path: required for sqlite");
            if (s.Type == StorageTypes.Postgres) CheckSecret("storage.connection_string", s.ConnectionString, required: true, environment, errors);
            else if (s.ConnectionString is not null) errors.Add($"storage.connection_string: only used with type postgres (type is {s.Type})");
            // Monthly budgets are rebuilt from the log at start-up: it must hold at least the current month.
            if (s.RetentionDays is < 0 or > 0 and < 32)
                errors.Add($"storage.retention_days: 0 (keep forever) or at least 32 (monthly budgets are rebuilt from the log), got {s.RetentionDays}");
        }
        if (config.Auth is not { } a) errors.Add("auth: empty section; remove it or give master_key");
        else
        {
            CheckSecret("auth.master_key", a.MasterKey, required: false, environment, errors);
            if (a.RefreshSeconds <= 0) errors.Add($"auth.refresh_seconds: must be positive, got {a.RefreshSeconds}");
        }
        if (config.Accounting is not { } acc) errors.Add("accounting: empty section; remove it or give its settings");
        else
        {
            if (acc.ReservedOutputTokens <= 0) errors.Add($"accounting.reserved_output_tokens: must be positive, got {acc.ReservedOutputTokens}");
            if (acc.MaxRequestCostUsd is <= 0) errors.Add($"accounting.max_request_cost_usd: must be positive, got {acc.MaxRequestCostUsd}");
            if (acc.MaxExtraCallsPerMinute is < 0) errors.Add($"accounting.max_extra_calls_per_minute: must not be negative, got {acc.MaxExtraCallsPerMinute}");
        }
    }

    private static void CheckSecret(string key, string? value, bool required, Func<string, string?> environment, List<string> errors)
    {
        if (value is null)
        {
            if (required) errors.Add($"{key}: required, as a reference env:VARIABLE");
            return;
        }
        if (!SecretReference.IsReference(value)) errors.Add($"{key}: write it as a reference, env:VARIABLE; secrets are never accepted in the file");
        else if (string.IsNullOrEmpty(environment(SecretReference.VariableOf(value)!)))
            errors.Add($"{key}: environment variable {SecretReference.VariableOf(value)} is not set");
    }
}
