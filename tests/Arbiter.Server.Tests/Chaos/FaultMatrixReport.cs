using System.Collections.Concurrent;

namespace Arbiter.Server.Tests.Chaos;

/// <summary>
/// Collects the fault matrix's results across its test cases and, when ARBITER_FAULT_MATRIX names a file, writes
/// them there as markdown once the class's tests are done (this is how docs/reliability.md's table is made).
/// </summary>
public sealed class FaultMatrixReport : IDisposable
{
    public const string OutputVariable = "ARBITER_FAULT_MATRIX";
    private readonly ConcurrentBag<FaultResult> _results = [];

    public void Add(FaultResult result) => _results.Add(result);

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable(OutputVariable) is not { Length: > 0 } path) return;
        var ordered = _results.OrderBy(r => r.Case.Fault).ThenBy(r => r.Case.Stream).ThenBy(r => r.Case.Fallback);
        File.WriteAllText(path, FaultMatrixRunner.ToMarkdown(ordered));
    }
}
