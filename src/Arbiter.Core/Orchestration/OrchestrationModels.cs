namespace Arbiter.Core.Orchestration;

/// <summary>
/// The model names that ask for models working together (<c>ensemble:NAME</c>, <c>orchestrate:NAME</c>) and the
/// mode names the request log groups by.
/// </summary>
public static class OrchestrationModels
{
    public const string EnsemblePrefix = "ensemble:";
    public const string OrchestratePrefix = "orchestrate:";

    /// <summary>Request-log modes (<c>RequestRecord.Mode</c>); a plain request has none.</summary>
    public const string EnsembleMode = "ensemble";
    public const string ChainMode = "chain";
    public const string SessionMode = "session";
    public const string OrchestrateMode = "orchestrate";

    /// <summary>True for a model name this layer answers; a cheap prefix test, so plain requests pay nothing.</summary>
    public static bool IsOrchestrated(string model) =>
        model.Length > 9 && (model[0] == 'e' || model[0] == 'o')
        && (model.StartsWith(EnsemblePrefix, StringComparison.Ordinal) || model.StartsWith(OrchestratePrefix, StringComparison.Ordinal));
}
