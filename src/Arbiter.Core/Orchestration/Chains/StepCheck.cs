using Arbiter.Core.Config;
using Arbiter.Core.Orchestration.Calls;

namespace Arbiter.Core.Orchestration.Chains;

/// <summary>What a validator checks: the step's answer (its call), the step's settings, and the calls it may make (a judge) on the run's ledger.</summary>
public sealed record StepCheck(ModelCall Answer, StepValidatorConfig Config, FanOutCalls Calls, CallLedger Ledger);
