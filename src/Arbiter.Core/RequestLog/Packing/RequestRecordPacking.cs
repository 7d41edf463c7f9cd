using Arbiter.Core.Chat;
using Arbiter.Core.Errors;
using Arbiter.Core.Execution;

namespace Arbiter.Core.RequestLog.Packing;

/// <summary>
/// A <see cref="RequestRecord"/> as bytes, for the time it waits in the log queue. A waiting record held as objects
/// (the record, its attempts, its usage, its id) is copied by every young-generation collection that finds it, and
/// under load a batch waits long enough to be found by one or two: measured at 64 connections, the waiting records
/// were most of what each collection promoted. As bytes in a pinned chunk (<see cref="PackedLogChunks"/>) they cost
/// the collector nothing; they become objects again just before they are written.
/// Every property of the record is packed except the two nested traces, whose records wait as objects
/// (<see cref="CanPack"/>); a test fills every property and checks that each comes back.
/// </summary>
internal static class RequestRecordPacking
{
    /// <summary>Orchestration and shadow records are rare and deeply nested: they wait as they are.</summary>
    public static bool CanPack(RequestRecord r) => r.Orchestration is null && r.Shadow is null;

    public static void Pack(ref PackWriter w, RequestRecord r)
    {
        w.String(r.RequestId);
        w.Bool(r.RequestIdIssued);
        w.Long(r.StartedAt.Ticks);
        w.Long(r.StartedAt.Offset.Ticks);
        w.String(r.RequestedModel);
        w.String(r.Route);
        w.String(r.Decision);
        w.String(r.ServedModel);
        w.String(r.Provider);
        w.Bool(r.Stream);
        w.Int(r.Status);
        w.NullableInt((int?)r.ErrorKind);
        w.String(r.ErrorMessage);
        PackUsage(ref w, r.Usage);
        w.NullableDecimal(r.CostUsd);
        w.Double(r.LatencyMs);
        w.NullableDouble(r.TimeToFirstChunkMs);
        w.Double(r.OverheadMs);
        w.Int(r.Attempts.Count);
        foreach (var a in r.Attempts) PackAttempt(ref w, a);
        w.NullableInt(r.DeliveredChars);
        w.String(r.Mode);
        w.NullableDouble(r.Disagreement);
        w.NullableBool(r.Escalated);
        w.NullableDecimal(r.FanOutCostUsd);
        w.String(r.ShadowModel);
        w.Int(r.PrivacyFindings?.Count ?? -1);
        if (r.PrivacyFindings is { } findings) foreach (var f in findings) w.String(f);
        w.String(r.TaskType);
        w.String(r.Tier);
        w.String(r.KeyId);
        w.NullableInt(r.Escalations);
        w.NullableDouble(r.QualityScore);
        w.String(r.Team);
    }

    public static RequestRecord Unpack(ReadOnlySpan<byte> bytes, StringCache names)
    {
        var p = new PackReader(bytes, names);
        var record = new RequestRecord
        {
            RequestId = p.String()!,
            RequestIdIssued = p.Bool(),
            StartedAt = new DateTimeOffset(p.Long(), new TimeSpan(p.Long())),
            RequestedModel = p.KnownName()!, // as the client sent it: shared only when already known, so made-up names cannot fill the cache
            Route = p.Name(),
            Decision = p.Name(), // made from route and model names (a bounded set), the same text for every request on a route
            ServedModel = p.Name(),
            Provider = p.Name(),
            Stream = p.Bool(),
            Status = p.Int(),
            ErrorKind = (ErrorKind?)p.NullableInt(),
            ErrorMessage = p.String(),
            Usage = UnpackUsage(ref p),
            CostUsd = p.NullableDecimal(),
            LatencyMs = p.Double(),
            TimeToFirstChunkMs = p.NullableDouble(),
            OverheadMs = p.Double(),
            Attempts = UnpackAttempts(ref p),
            DeliveredChars = p.NullableInt(),
            Mode = p.Name(),
            Disagreement = p.NullableDouble(),
            Escalated = p.NullableBool(),
            FanOutCostUsd = p.NullableDecimal(),
            ShadowModel = p.Name(),
            PrivacyFindings = UnpackNames(ref p),
            TaskType = p.Name(),
            Tier = p.Name(),
            KeyId = p.Name(),
            Escalations = p.NullableInt(),
            QualityScore = p.NullableDouble(),
            Team = p.Name(),
        };
        if (!p.AtEnd) throw new InvalidOperationException("a packed request record has bytes left over: packing and unpacking disagree");
        return record;
    }

    private static void PackUsage(ref PackWriter w, TokenUsage? u)
    {
        w.Bool(u is not null);
        if (u is null) return;
        w.Long(u.InputTokens);
        w.Long(u.OutputTokens);
        w.Long(u.CachedInputTokens);
        w.Long(u.CacheWriteTokens);
        w.Long(u.ReasoningTokens);
    }

    private static TokenUsage? UnpackUsage(ref PackReader p) => !p.Bool() ? null : new TokenUsage
    {
        InputTokens = p.Long(),
        OutputTokens = p.Long(),
        CachedInputTokens = p.Long(),
        CacheWriteTokens = p.Long(),
        ReasoningTokens = p.Long(),
    };

    private static void PackAttempt(ref PackWriter w, Attempt a)
    {
        w.String(a.Model);
        w.String(a.Provider);
        w.Long(a.Duration.Ticks);
        w.String(a.Deployment);
        w.Int(a.Retry);
        w.String(a.Skipped);
        w.String(a.Purpose);
        w.Bool(a.Error is not null);
        if (a.Error is not { } e) return;
        w.Int((int)e.Kind);
        w.String(e.Message);
        w.String(e.Param);
        w.String(e.Code);
        w.String(e.Provider);
        w.NullableLong(e.RetryAfter?.Ticks);
        w.NullableInt(e.UpstreamStatus);
    }

    private static IReadOnlyList<Attempt> UnpackAttempts(ref PackReader p)
    {
        var count = p.Int();
        if (count == 0) return [];
        var attempts = new Attempt[count];
        for (var i = 0; i < count; i++)
        {
            string model = p.Name()!, provider = p.Name()!;
            var duration = new TimeSpan(p.Long());
            string? deployment = p.Name();
            var retry = p.Int();
            var skipped = p.Name();
            var purpose = p.Name();
            attempts[i] = new Attempt(model, provider, duration, p.Bool() ? UnpackError(ref p) : null)
            {
                Deployment = deployment,
                Retry = retry,
                Skipped = skipped,
                Purpose = purpose,
            };
        }
        return attempts;
    }

    private static ArbiterError UnpackError(ref PackReader p) => new((ErrorKind)p.Int(), p.String()!)
    {
        Param = p.String(),
        Code = p.String(),
        Provider = p.Name(),
        RetryAfter = p.NullableLong() is { } ticks ? new TimeSpan(ticks) : null,
        UpstreamStatus = p.NullableInt(),
    };

    private static IReadOnlyList<string>? UnpackNames(ref PackReader p)
    {
        var count = p.Int();
        if (count < 0) return null;
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = p.Name()!;
        return names;
    }
}
