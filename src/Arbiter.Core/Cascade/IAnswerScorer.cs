using Arbiter.Core.Chat;
using Arbiter.Core.Models;

namespace Arbiter.Core.Cascade;

/// <summary>
/// The hook for a learned answer scorer (the learned router): scores an answer from 0 (bad) to 1 (good). Registered
/// by <see cref="Name"/>; the <c>scorer</c> gate of a cascade route names the one it uses.
/// </summary>
public interface IAnswerScorer
{
    string Name { get; }

    ValueTask<double> ScoreAsync(ChatRequest request, ChatResponse response, ModelEntry model, CancellationToken cancellationToken);
}
