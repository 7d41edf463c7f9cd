using System.Text.Json;
using OpenAI.Chat;

namespace Arbiter.Server.Tests.Orchestration;

/// <summary><c>model: "orchestrate:NAME"</c> over the simulator through the OpenAI SDK: plan, delegations and verdicts in the metadata and the record.</summary>
public sealed class OrchestrateThroughSdkTests : IAsyncLifetime
{
    private GatewayHost _host = null!;

    public async Task InitializeAsync() => _host = await GatewayHost.StartYamlAsync(OrchestrationConfigs.Simulator);
    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CompleteChat_Orchestrate_PlanDelegationsAndVerdictsInMetadataAndRecord()
    {
        var result = await _host.Chat("orchestrate:planner").CompleteChatAsync([new UserChatMessage("Compare two gateways and recommend one.")]);

        Assert.StartsWith("[simulated strong]", result.Value.Content[0].Text);
        using var body = JsonDocument.Parse(result.GetRawResponse().Content);
        var arbiter = body.RootElement.GetProperty("arbiter");
        var plan = arbiter.GetProperty("plan").EnumerateArray().ToList();
        Assert.InRange(plan.Count, 1, 2);
        var delegations = arbiter.GetProperty("delegations").EnumerateArray().ToList();
        Assert.Equal(plan.Select(p => p.GetProperty("id").GetString()), delegations.Select(d => d.GetProperty("id").GetString()));
        Assert.All(delegations, d => Assert.All(d.GetProperty("tries").EnumerateArray(),
            t => Assert.Contains(t.GetProperty("verdict").GetString(), new[] { "accept", "retry", "escalate", "unchecked", "failed" })));
        result.GetRawResponse().Headers.TryGetValue("x-request-id", out var id);
        var record = await _host.RecordAsync(id!);
        Assert.Equal("orchestrate", record.Mode);
        Assert.Contains("\"delegations\"", record.Orchestration!.DetailsJson);
        Assert.Contains(record.Orchestration.Calls, c => c.Role == "plan");
        Assert.Contains(record.Orchestration.Calls, c => c.Role.StartsWith("check:", StringComparison.Ordinal));
        Assert.Equal(record.CostUsd, arbiter.GetProperty("cost_usd").GetDecimal());
    }
}
