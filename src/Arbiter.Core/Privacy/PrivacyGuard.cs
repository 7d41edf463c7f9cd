using System.Collections.Concurrent;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Routing;
using Arbiter.Core.Routing.Tiers;

namespace Arbiter.Core.Privacy;

/// <summary>
/// A route's privacy step, before its strategy: scans every message's text for the configured kinds and then
/// blocks (400 naming the kinds, never the values), redacts the request routing and the upstream see, or plans
/// the request on a self-hosted tier instead of the route's strategy.
/// </summary>
public sealed class PrivacyGuard(TierSelector tiers)
{
    public const string BlockedCode = "sensitive_data_detected";
    private readonly ConcurrentDictionary<string, SensitiveDataScanner> _scanners = new(StringComparer.Ordinal);

    /// <returns>The kinds found (null when none), and the plan when the action decides it (private).</returns>
    public (IReadOnlyList<string>? Findings, RoutePlan? Plan) Apply(string routeName, PrivacyConfig privacy, RoutingContext context)
    {
        var scanner = _scanners.GetOrAdd(routeName, static (_, p) => new SensitiveDataScanner(p.Kinds), privacy);
        var kinds = new List<string>();
        var redacted = Redact(context.Request, scanner, kinds);
        if (kinds.Count == 0) return (null, null);
        var list = string.Join(", ", kinds);
        switch (privacy.Action)
        {
            case PrivacyActions.Block:
                throw new ArbiterError(ErrorKind.InvalidRequest,
                    $"The prompt contains sensitive data ({list}); route '{routeName}' does not accept it. Remove it and try again.")
                { Param = "messages", Code = BlockedCode }.ToException();
            case PrivacyActions.Redact:
                context.Replace(redacted);
                return (kinds, null);
            default:
                foreach (var tier in tiers.SelfHostedTiers)
                {
                    var choice = tiers.Select(tier, context.Task);
                    if (choice.Chosen is null) continue;
                    var candidates = choice.Qualifying.Count > 0 ? choice.Qualifying : [choice.Chosen];
                    return (kinds, new RoutePlan(routeName, candidates, $"privacy:{list} -> {choice.Reason}"));
                }
                throw new ArbiterError(ErrorKind.InvalidRequest,
                    $"The prompt contains sensitive data ({list}) and route '{routeName}' sends such prompts only to self-hosted models, but none is configured.")
                { Param = "messages", Code = BlockedCode }.ToException();
        }
    }

    /// <summary>The request with every finding replaced; the same instance when nothing was found.</summary>
    public static ChatRequest Redact(ChatRequest request, SensitiveDataScanner scanner, List<string> kinds)
    {
        ChatMessage[]? changed = null;
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var m = request.Messages[i];
            var updated = RedactMessage(m, scanner, kinds);
            if (ReferenceEquals(updated, m)) continue;
            changed ??= request.Messages.ToArray();
            changed[i] = updated;
        }
        return changed is null ? request : request with { Messages = changed };
    }

    private static ChatMessage RedactMessage(ChatMessage m, SensitiveDataScanner scanner, List<string> kinds)
    {
        if (m.Parts is { } parts)
        {
            ContentPart[]? newParts = null;
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is not TextPart t) continue;
                var r = scanner.Redact(t.Text, kinds);
                if (ReferenceEquals(r, t.Text)) continue;
                newParts ??= parts.ToArray();
                newParts[i] = new TextPart(r);
            }
            return newParts is null ? m : m with { Parts = newParts };
        }
        if (m.Text is null) return m;
        var text = scanner.Redact(m.Text, kinds);
        return ReferenceEquals(text, m.Text) ? m : m with { Text = text };
    }
}
