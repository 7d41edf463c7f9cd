using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Models;

namespace Arbiter.Core.Orchestration.Calls;

/// <summary>One call a composite request made: its role (member, judge, supervisor, step, worker ...), the answer or error, and its cost.</summary>
public sealed record ModelCall(string Role, string Target, ChatResponse? Response, ModelEntry? Model, ArbiterError? Error,
    decimal? CostUsd, TimeSpan Duration, IReadOnlyList<Attempt> Attempts)
{
    public bool Succeeded => Response is { Choices.Count: > 0 };

    /// <summary>The request the call sent (after routing), for validators and judges that need the question.</summary>
    public ChatRequest? Request { get; init; }

    /// <summary>The first choice's text ("" when there is none).</summary>
    public string Text => Response is { Choices.Count: > 0 } r ? r.Choices[0].Message.AllText() : "";

    public TokenUsage? Usage => Response?.Usage;

    /// <summary>The record of this call for the request log and the response metadata.</summary>
    public CallRecord ToRecord(string? note = null) => new(Role, Model?.Name ?? Target, Error?.Message, CostUsd,
        Math.Round(Duration.TotalMilliseconds, 1), Usage?.InputTokens, Usage?.OutputTokens) { Note = note };
}
