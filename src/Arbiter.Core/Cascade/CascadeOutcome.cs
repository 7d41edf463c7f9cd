using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;

namespace Arbiter.Core.Cascade;

/// <summary>
/// How a cascade ended: the accepted (or best remaining) answer and its model, or the last error; or, for a
/// stream that reached its last stage, that stage's plan to stream for real (<see cref="StreamStage"/>). Always
/// with every attempt, what all stages and gates cost together, and the decision trail.
/// </summary>
public sealed record CascadeOutcome(ChatResponse? Response, ModelEntry? Model, ArbiterError? Error, IReadOnlyList<Attempt> Attempts,
    TimeSpan UpstreamTime, decimal? SpentUsd, string Decision, IReadOnlyList<CascadeStage> Stages)
{
    /// <summary>Streaming only: the last stage, not yet called; the caller streams it and adds its cost to <see cref="SpentUsd"/>.</summary>
    public RoutePlan? StreamStage { get; init; }

    /// <summary>The score a judge or scorer gave the returned answer, 0 to 1, when one scored it.</summary>
    public double? QualityScore { get; init; }

    /// <summary>
    /// How many times a gate rejected a stage's answer and the cascade moved on to a stronger stage. A stage that
    /// failed (no answer) and was followed by the next one is a fallback, not an escalation: counting it as both
    /// would report one failure twice.
    /// </summary>
    public int Escalations
    {
        get
        {
            var count = 0;
            // The last recorded stage escalated only if a stage follows it: the streamed last stage.
            var moved = StreamStage is null ? Stages.Count - 1 : Stages.Count;
            for (var i = 0; i < moved; i++)
                if (Stages[i].Rejected) count++;
            return count;
        }
    }
}
