namespace Arbiter.Server.Tests.Chaos;

/// <summary>
/// Every fault of the chaos upstream, streamed and not, with and without a fallback model: what the client receives,
/// that it never waits past the configured timeouts (the hang guard fails the test), and that every upstream call
/// is in the request record and the x-arbiter-attempts header.
/// </summary>
public sealed class FaultMatrixTests(FaultMatrixReport report) : IClassFixture<FaultMatrixReport>
{
    public static TheoryData<ChaosFault, bool, bool> Cases()
    {
        var data = new TheoryData<ChaosFault, bool, bool>();
        foreach (var fault in Enum.GetValues<ChaosFault>())
            foreach (var stream in new[] { false, true })
                foreach (var fallback in new[] { false, true })
                    data.Add(fault, stream, fallback);
        return data;
    }

    /// <summary>What the client must get: status, error code, serving model, upstream calls, and whether a started stream broke.</summary>
    private static (int Status, string? Code, string? Served, int Calls, bool Broken) Expected(FaultCase c)
    {
        const string Chaos = "chaos", Backup = "backup-model";
        static (int, string?, string?, int, bool) R(int status, string? code, string? served, int calls, bool broken) => (status, code, served, calls, broken);
        // Retries: one for 500/503/unreachable/unreadable, none for a timeout, a 404, or a Retry-After longer than allowed.
        return c.Fault switch
        {
            ChaosFault.None or ChaosFault.SlowDrip => R(200, null, Chaos, 1, false),
            ChaosFault.ResetMidStream when c.Stream => R(200, "upstream_error", Chaos, 1, true),
            ChaosFault.RateLimited429 => c.Fallback ? R(200, null, Backup, 2, false) : R(429, "rate_limit_exceeded", null, 1, false),
            ChaosFault.ServerError500 or ChaosFault.Unavailable503 or ChaosFault.MalformedJson or ChaosFault.ResetMidStream
                => c.Fallback ? R(200, null, Backup, 3, false) : R(502, "upstream_error", null, 2, false),
            ChaosFault.ConnectionRefused => c.Fallback ? R(200, null, Backup, 3, false) : R(502, "upstream_unavailable", null, 2, false),
            ChaosFault.TimeoutBeforeHeaders or ChaosFault.HangAfterHeaders
                => c.Fallback ? R(200, null, Backup, 2, false) : R(504, "upstream_timeout", null, 1, false),
            ChaosFault.ModelGone404 => c.Fallback ? R(200, null, Backup, 2, false) : R(502, "upstream_error", null, 1, false),
            _ => throw new ArgumentOutOfRangeException(nameof(c)),
        };
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task Request_UnderFault_ClientGetsAnAnswerOrAClearErrorAndEveryCallIsRecorded(ChaosFault fault, bool stream, bool fallback)
    {
        var c = new FaultCase(fault, stream, fallback);

        var r = await FaultMatrixRunner.RunAsync(c);
        report.Add(r);

        var want = Expected(c);
        Assert.Equal(want.Status, r.Status);
        Assert.Equal(want.Calls, r.RecordedCalls);
        Assert.Equal(want.Calls.ToString(), r.AttemptsHeader);
        // The closed port never sees its calls; every other call reached a chaos upstream.
        var unseen = fault == ChaosFault.ConnectionRefused ? 2 : 0;
        Assert.Equal(want.Calls - unseen, r.UpstreamRequests);
        if (want.Status == 200)
        {
            Assert.Equal(want.Served, r.ServedModel);
            if (want.Broken)
            {
                Assert.True(r.ErrorEvent);
                Assert.Equal(want.Code, r.ErrorCode);
                Assert.False(r.Done);
                Assert.Equal("The quick", r.Text);
                Assert.Equal(502, r.RecordStatus);
                Assert.Equal("The quick".Length, r.DeliveredChars);
            }
            else
            {
                Assert.Equal(ChaosUpstream.AnswerText, r.Text);
                Assert.True(r.Done);
                Assert.Equal(200, r.RecordStatus);
            }
        }
        else
        {
            Assert.Equal(want.Code, r.ErrorCode);
            Assert.Equal(want.Status, r.RecordStatus);
            if (fault == ChaosFault.RateLimited429) Assert.Equal("1", r.RetryAfter);
        }
        if (want.Calls > 1 || want.Status != 200) Assert.NotNull(r.Chain);
    }
}
