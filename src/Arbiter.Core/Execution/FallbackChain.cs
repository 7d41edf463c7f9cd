using System.Globalization;
using System.Text;

namespace Arbiter.Core.Execution;

/// <summary>
/// The chain a request took, as the x-arbiter-fallback header and logs show it: each call or skip in order,
/// <c>model/deployment outcome</c>, joined by <c> &gt; </c>; e.g. <c>gpt/openai rate_limited &gt; gpt/openai#1 ok</c>.
/// </summary>
public static class FallbackChain
{
    private static readonly string[] Counts = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

    /// <summary>How many upstream calls were made (skips excluded).</summary>
    public static int Calls(IReadOnlyList<Attempt> attempts)
    {
        var n = 0;
        for (var i = 0; i < attempts.Count; i++)
            if (attempts[i].Skipped is null) n++;
        return n;
    }

    /// <summary>The call count as text, without allocating for the usual small counts.</summary>
    public static string CallsText(IReadOnlyList<Attempt> attempts)
    {
        var n = Calls(attempts);
        return n < Counts.Length ? Counts[n] : n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether anything beyond one successful call happened (only then is the chain worth a header).</summary>
    public static bool IsWorthShowing(IReadOnlyList<Attempt> attempts) => attempts.Count > 1 || (attempts.Count == 1 && !attempts[0].Succeeded);

    public static string Describe(IReadOnlyList<Attempt> attempts)
    {
        var sb = new StringBuilder();
        foreach (var a in attempts)
        {
            if (sb.Length > 0) sb.Append(" > ");
            sb.Append(a.Model).Append('/').Append(a.Deployment ?? a.Provider);
            if (a.Retry > 0) sb.Append('#').Append(a.Retry.ToString(CultureInfo.InvariantCulture));
            sb.Append(' ');
            if (a.Skipped is not null) sb.Append("skipped:").Append(a.Skipped);
            else sb.Append(a.ErrorClass ?? "ok");
        }
        return sb.ToString();
    }
}
