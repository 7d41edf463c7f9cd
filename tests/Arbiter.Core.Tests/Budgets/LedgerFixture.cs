using Arbiter.Core.Budgets;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Keys;
using Arbiter.Core.Models;
using Arbiter.Core.Tests.Fakes;
using Arbiter.Core.Tokens;
using Microsoft.Extensions.Time.Testing;

namespace Arbiter.Core.Tests.Budgets;

/// <summary>Admission control over a fake clock, one priced model and a fixed token estimate.</summary>
internal sealed class LedgerFixture
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero));
    public SpendLedger Ledger { get; }
    public AdmissionControl Admission { get; }
    public ModelEntry Model { get; }
    public ChatRequest Request { get; } = new() { Model = "m", Messages = [ChatMessage.User("hi")], MaxOutputTokens = 1_000_000 };

    /// <summary>1M prompt tokens (fixed estimate) at $1 in, 1M output at $1: every request reserves exactly $2.</summary>
    public LedgerFixture(AccountingConfig? config = null)
    {
        Ledger = new SpendLedger(Time);
        Admission = new AdmissionControl(Ledger, new FixedEstimator(1_000_000), config ?? new AccountingConfig());
        Model = new ModelEntry("m", new ModelConfig { Provider = "p", Price = new PriceConfig { Input = 1m, Output = 1m } }, new FakeChatProvider("p"));
    }

    public static VirtualKey Key(KeyLimits limits, string? team = null) => new()
    {
        Id = "key_1", Name = "k", Hash = "h", Prefix = "sk-arb-x", Team = team, Limits = limits, CreatedAt = DateTimeOffset.UnixEpoch,
    };

    public AdmissionTicket Admit(VirtualKey key, Team? team = null) => Admission.Admit(Request, [Model], key, team);

    private sealed class FixedEstimator(long tokens) : ITokenEstimator
    {
        public long EstimatePromptTokens(ChatRequest request, ModelEntry model) => tokens;
        public long EstimatePromptTokens(ChatRequest request, string upstreamModel, string providerType) => tokens;
        public long CountText(ReadOnlySpan<char> text, string upstreamModel, string providerType) => tokens;
    }
}
