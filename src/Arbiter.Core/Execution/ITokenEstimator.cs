using Arbiter.Core.Chat;

namespace Arbiter.Core.Execution;

/// <summary>
/// Estimates a request's prompt tokens before any call, for the context-window pre-check. A stand-in until the
/// shared tokenizer-based estimator (Core/Tokens) is wired in: implementations are swappable.
/// </summary>
public interface ITokenEstimator
{
    long EstimateInputTokens(ChatRequest request);
}
