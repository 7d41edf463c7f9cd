using System.Text.RegularExpressions;
using Arbiter.Core.Config;

namespace Arbiter.Core.Routing.Rules;

/// <summary>A rule with its regex compiled once; <see cref="Matches"/> checks only the conditions that are set.</summary>
internal sealed class CompiledRule
{
    private readonly RuleConditionConfig _when;
    private readonly Regex? _regex;

    public CompiledRule(RuleConfig rule)
    {
        _when = rule.When ?? new RuleConditionConfig();
        Name = string.IsNullOrEmpty(rule.Name) ? rule.Route : rule.Name;
        Target = rule.Route;
        if (_when.Regex is { } pattern)
            _regex = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, ConfigDefaults.RuleRegexTimeout);
    }

    public string Name { get; }
    public string Target { get; }

    /// <summary>Runs the regex once so its code is compiled before a request's match runs under the timeout.</summary>
    public void WarmUp()
    {
        try { _regex?.IsMatch("warm up"); }
        catch (RegexMatchTimeoutException) { }
    }

    public bool Matches(RoutingContext c)
    {
        var w = _when;
        if (w.Task is not null && !string.Equals(w.Task, c.Task, StringComparison.Ordinal)) return false;
        if (w.Key is not null && !string.Equals(w.Key, c.KeyId, StringComparison.Ordinal)) return false;
        if (w.Team is not null && !string.Equals(w.Team, c.Team, StringComparison.Ordinal)) return false;
        if (w.Tools is { } tools && tools != c.HasTools) return false;
        if (w.Json is { } json && json != c.JsonMode) return false;
        if (w.Images is { } images && images != c.HasImages) return false;
        if (w.MinPromptTokens is { } min && c.EstimatedPromptTokens < min) return false;
        if (w.MaxPromptTokens is { } max && c.EstimatedPromptTokens > max) return false;
        if (w.Metadata is { } wanted)
        {
            var metadata = c.Request.Metadata;
            foreach (var (key, value) in wanted)
                if (metadata is null || !metadata.TryGetValue(key, out var actual) || !string.Equals(actual, value, StringComparison.Ordinal)) return false;
        }
        if (_regex is not null)
        {
            // A pathological pattern on a long message gives up rather than hold the request: no match.
            try { if (!_regex.IsMatch(c.LastUserText)) return false; }
            catch (RegexMatchTimeoutException) { return false; }
        }
        return true;
    }
}
