using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Ensembles;

/// <summary>What a mode needs to pick: the request, the ensemble's settings, the comparison, and the calls it may make (a judge).</summary>
public sealed record EnsembleContext(string Name, EnsembleConfig Config, ChatRequest Request, IAnswerComparison Comparison, FanOutCalls Calls, CallLedger Ledger);
