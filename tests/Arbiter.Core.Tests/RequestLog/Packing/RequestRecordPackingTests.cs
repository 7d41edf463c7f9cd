using System.Collections;
using System.Reflection;
using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;
using Arbiter.Core.Orchestration;
using Arbiter.Core.RequestLog;
using Arbiter.Core.RequestLog.Packing;

namespace Arbiter.Core.Tests.RequestLog.Packing;

public sealed class RequestRecordPackingTests
{
    private static readonly string[] Traces = [nameof(RequestRecord.Orchestration), nameof(RequestRecord.Shadow)];

    private static RequestRecord RoundTrip(RequestRecord record, StringCache? names = null)
    {
        var writer = new PackWriter(new byte[16]);
        RequestRecordPacking.Pack(ref writer, record);
        return RequestRecordPacking.Unpack(writer.Written, names ?? new StringCache());
    }

    /// <summary>Every settable property of the record, set to a value that is not its type's default.</summary>
    private static RequestRecord FullyFilled()
    {
        var record = new RequestRecord { RequestId = "req-é-😀", StartedAt = new DateTimeOffset(2026, 11, 24, 1, 2, 3, 456, TimeSpan.FromHours(-5)).AddTicks(7), RequestedModel = "auto", Status = 502 };
        var filled = new Dictionary<string, object>
        {
            [nameof(RequestRecord.RequestIdIssued)] = true,
            [nameof(RequestRecord.Route)] = "support",
            [nameof(RequestRecord.Decision)] = "cascade:auto -> fast > deep | fast rejected (score 0.41)",
            [nameof(RequestRecord.ServedModel)] = "deep",
            [nameof(RequestRecord.Provider)] = "anthropic",
            [nameof(RequestRecord.Stream)] = true,
            [nameof(RequestRecord.ErrorKind)] = ErrorKind.UpstreamTimeout,
            [nameof(RequestRecord.ErrorMessage)] = "upstream 'anthropic' timed out after 30 s",
            [nameof(RequestRecord.Usage)] = new TokenUsage { InputTokens = 1_234_567_890_123, OutputTokens = 2, CachedInputTokens = 3, CacheWriteTokens = 4, ReasoningTokens = 5 },
            [nameof(RequestRecord.CostUsd)] = 0.000000123456789012345m,
            [nameof(RequestRecord.LatencyMs)] = 1234.5678,
            [nameof(RequestRecord.TimeToFirstChunkMs)] = 0.125,
            [nameof(RequestRecord.OverheadMs)] = double.Epsilon,
            [nameof(RequestRecord.Attempts)] = new List<Attempt>
            {
                new("fast", "openai", TimeSpan.FromTicks(123_456), new ArbiterError(ErrorKind.RateLimited, "slow down")
                {
                    Param = "messages[0]", Code = "rate_limit", Provider = "openai", RetryAfter = TimeSpan.FromSeconds(7), UpstreamStatus = 429,
                }) { Deployment = "east", Retry = 2, Skipped = null },
                new("deep", "anthropic", TimeSpan.Zero, null) { Deployment = null, Retry = 0, Skipped = "circuit_open" },
                new("deep", "anthropic", TimeSpan.FromMilliseconds(900), new ArbiterError(ErrorKind.UpstreamTimeout, "timed out")) { Purpose = AttemptPurposes.Judge },
            },
            [nameof(RequestRecord.DeliveredChars)] = 42,
            [nameof(RequestRecord.Mode)] = "ensemble",
            [nameof(RequestRecord.Disagreement)] = 0.75,
            [nameof(RequestRecord.Escalated)] = false,
            [nameof(RequestRecord.FanOutCostUsd)] = -1.5m,
            [nameof(RequestRecord.ShadowModel)] = "candidate",
            [nameof(RequestRecord.PrivacyFindings)] = new[] { "email", "api_key" },
            [nameof(RequestRecord.TaskType)] = "summarize",
            [nameof(RequestRecord.Tier)] = "general",
            [nameof(RequestRecord.KeyId)] = "key_01",
            [nameof(RequestRecord.Escalations)] = 3,
            [nameof(RequestRecord.QualityScore)] = 0.5,
            [nameof(RequestRecord.Team)] = "search",
        };
        var missing = Settable().Select(p => p.Name)
            .Except(filled.Keys).Except(Traces)
            .Except([nameof(RequestRecord.RequestId), nameof(RequestRecord.StartedAt), nameof(RequestRecord.RequestedModel), nameof(RequestRecord.Status)])
            .ToList();
        Assert.True(missing.Count == 0, $"a new RequestRecord property must be packed and filled here: {string.Join(", ", missing)}");
        var copy = record with { };
        foreach (var (name, value) in filled) typeof(RequestRecord).GetProperty(name)!.SetValue(copy, value);
        return copy;
    }

    private static IEnumerable<PropertyInfo> Settable() =>
        typeof(RequestRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.Name != "EqualityContract");

    private static void AssertSameValues(RequestRecord expected, RequestRecord actual)
    {
        foreach (var property in Settable())
        {
            object? want = property.GetValue(expected), got = property.GetValue(actual);
            if (want is IEnumerable wantItems and not string && got is IEnumerable gotItems)
                Assert.True(wantItems.Cast<object>().SequenceEqual(gotItems.Cast<object>()), $"{property.Name} differs after packing");
            else
                Assert.True(Equals(want, got), $"{property.Name}: packed {want ?? "null"}, unpacked {got ?? "null"}");
        }
    }

    [Fact]
    public void RoundTrip_EveryPropertySet_EveryPropertyComesBack()
    {
        var record = FullyFilled();
        var back = RoundTrip(record);

        AssertSameValues(record, back);
        Assert.Equal(record.StartedAt.Offset, back.StartedAt.Offset);
        Assert.Equal(record.CostUsd.ToString(), back.CostUsd.ToString()); // scale kept, not only the value
    }

    /// <summary>The nested types packed field by field: a property added to one of them must be packed too.</summary>
    [Theory]
    [InlineData(typeof(Attempt), "Model,Provider,Duration,Error,Deployment,Retry,Skipped,Purpose")]
    [InlineData(typeof(ArbiterError), "Kind,Message,Param,Code,Provider,RetryAfter,UpstreamStatus")]
    [InlineData(typeof(TokenUsage), "InputTokens,OutputTokens,CachedInputTokens,CacheWriteTokens,ReasoningTokens")]
    public void NestedTypes_EveryWritablePropertyIsOneThePackingKnows(Type type, string packed)
    {
        var writable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name != "EqualityContract").Select(p => p.Name).Order();

        Assert.Equal(packed.Split(',').Order(), writable);
    }

    [Fact]
    public void RoundTrip_EscalatedTrueAndScaledFanOutCost_Kept()
    {
        var record = FullyFilled() with { Escalated = true, FanOutCostUsd = 2.5000m };
        var back = RoundTrip(record);

        Assert.True(back.Escalated);
        Assert.Equal("2.5000", back.FanOutCostUsd!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RoundTrip_OnlyRequiredProperties_OptionalOnesStayNull()
    {
        var record = new RequestRecord { RequestId = "r1", StartedAt = DateTimeOffset.UnixEpoch, RequestedModel = "m", Status = 200 };
        var back = RoundTrip(record);

        AssertSameValues(record, back);
        Assert.Null(back.Usage);
        Assert.Null(back.PrivacyFindings);
        Assert.Null(back.Escalated);
        Assert.Empty(back.Attempts);
    }

    [Fact]
    public void RoundTrip_EmptyStringsAndOddLengths_KeptExactly()
    {
        var record = new RequestRecord
        {
            RequestId = "", StartedAt = DateTimeOffset.MaxValue, RequestedModel = "x", Status = 0, Route = "", Decision = "ab",
            ErrorMessage = new string('\u00e9', 10_001), PrivacyFindings = [],
        };
        var back = RoundTrip(record);

        AssertSameValues(record, back);
        Assert.Equal("", back.RequestId);
        Assert.NotNull(back.PrivacyFindings);
    }

    [Fact]
    public void Unpack_RecurringNames_SharedWhileIdsAreNew()
    {
        var names = new StringCache();
        var record = FullyFilled();
        var first = RoundTrip(record, names);
        var second = RoundTrip(record, names);

        Assert.Same(first.ServedModel, second.ServedModel);
        Assert.Same(first.Attempts[0].Model, second.Attempts[0].Model);
        Assert.Same(first.Decision, second.Decision);
        Assert.NotSame(first.RequestId, second.RequestId);
        Assert.NotSame(first.ErrorMessage, second.ErrorMessage);
    }

    [Fact]
    public void Unpack_RequestedModel_SharedWhenKnownButNeverAddedToTheCache()
    {
        var names = new StringCache();
        var known = RoundTrip(FullyFilled() with { RequestedModel = "gpt-4o-mini", ServedModel = "gpt-4o-mini" }, names);
        var again = RoundTrip(FullyFilled() with { RequestedModel = "gpt-4o-mini" }, names);
        var count = names.Count;
        var madeUp = RoundTrip(FullyFilled() with { RequestedModel = "no-such-model-7f3a" }, names);

        Assert.Same(known.ServedModel, again.RequestedModel); // the served model's name made it known
        Assert.Equal("no-such-model-7f3a", madeUp.RequestedModel);
        Assert.Equal(count, names.Count);
        Assert.Null(names.Find("no-such-model-7f3a"));
    }

    [Fact]
    public void StringCache_PastItsBound_StillReturnsTheRightStrings()
    {
        var names = new StringCache();
        for (var i = 0; i < StringCache.MaxEntries + 100; i++) Assert.Equal($"model-{i}", names.Get($"model-{i}"));

        Assert.Equal(StringCache.MaxEntries, names.Count);
        Assert.Equal("model-5", names.Get("model-5"));
    }

    [Fact]
    public void CanPack_RecordsWithNestedTraces_AreKeptAsObjects()
    {
        var plain = new RequestRecord { RequestId = "r", StartedAt = DateTimeOffset.UnixEpoch, RequestedModel = "m", Status = 200 };

        Assert.True(RequestRecordPacking.CanPack(plain));
        Assert.False(RequestRecordPacking.CanPack(plain with { Orchestration = new OrchestrationTrace("ensemble", "vote") }));
        Assert.False(RequestRecordPacking.CanPack(plain with { Shadow = new ShadowComparison { PrimaryRequestId = "r", ShadowModel = "s" } }));
    }
}
