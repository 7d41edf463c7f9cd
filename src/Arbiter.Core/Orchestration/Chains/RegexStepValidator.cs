using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Arbiter.Core.Config;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>The output must match the configured regular expression (compiled once; a runaway pattern times out as a failure).</summary>
public sealed class RegexStepValidator : IStepValidator
{
    private readonly ConcurrentDictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public string Name => StepValidators.Regex;

    public ValueTask<StepVerdict> ValidateAsync(StepCheck check, CancellationToken cancellationToken)
    {
        var regex = _patterns.GetOrAdd(check.Config.Pattern!, static p => new Regex(p, RegexOptions.CultureInvariant, ConfigDefaults.RuleRegexTimeout));
        try
        {
            return ValueTask.FromResult(regex.IsMatch(check.Answer.Text)
                ? StepVerdict.Pass("matches the pattern")
                : StepVerdict.Fail("does not match the pattern"));
        }
        catch (RegexMatchTimeoutException)
        {
            return ValueTask.FromResult(StepVerdict.Fail("the pattern timed out"));
        }
    }
}
