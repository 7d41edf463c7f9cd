using Arbiter.Core.Chat;
using Arbiter.Core.Models;

namespace Arbiter.Core.Tokens;

/// <summary>
/// Counts tokens before a call: for budget reservations, context-window checks and routing features. An estimate:
/// the provider's reported usage stays authoritative for what is charged.
/// </summary>
public interface ITokenEstimator
{
    /// <summary>Prompt tokens of <paramref name="request"/> as <paramref name="model"/> will see them (messages, tools, schema, per-message framing).</summary>
    long EstimatePromptTokens(ChatRequest request, ModelEntry model);

    /// <summary>The same by the provider's model id and wire protocol (see <see cref="Providers.ProviderTypes"/>).</summary>
    long EstimatePromptTokens(ChatRequest request, string upstreamModel, string providerType);

    /// <summary>Tokens of a plain text for the model's family.</summary>
    long CountText(ReadOnlySpan<char> text, string upstreamModel, string providerType);
}
