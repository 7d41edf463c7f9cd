using System.Text;
using System.Text.RegularExpressions;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>
/// A step's prompt with placeholders: <c>{{input}}</c> (the run's input) and <c>{{steps.NAME.output}}</c> (an
/// earlier step's accepted output). Unknown placeholders are left as written, so a typo shows in the prompt
/// rather than vanishing; config validation reports references to steps that do not come earlier.
/// </summary>
public static partial class ChainTemplate
{
    [GeneratedRegex(@"\{\{\s*(input|steps\.([A-Za-z0-9_\-]+)\.output)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static string Render(string template, string input, IReadOnlyDictionary<string, string> outputs)
    {
        var sb = new StringBuilder(template.Length + input.Length);
        var last = 0;
        foreach (Match m in Placeholder().Matches(template))
        {
            sb.Append(template, last, m.Index - last);
            if (m.Groups[1].Value == "input") sb.Append(input);
            else if (outputs.TryGetValue(m.Groups[2].Value, out var output)) sb.Append(output);
            else sb.Append(m.Value);
            last = m.Index + m.Length;
        }
        return sb.Append(template, last, template.Length - last).ToString();
    }

    /// <summary>The step names a template refers to.</summary>
    public static IEnumerable<string> StepReferences(string template)
    {
        foreach (Match m in Placeholder().Matches(template))
            if (m.Groups[2].Success) yield return m.Groups[2].Value;
    }
}
