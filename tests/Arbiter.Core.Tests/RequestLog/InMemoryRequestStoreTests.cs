using Arbiter.Core.RequestLog;
using static Arbiter.Core.Tests.Kpis.KpiLog;

namespace Arbiter.Core.Tests.RequestLog;

public class InMemoryRequestStoreTests
{
    [Fact]
    public async Task QueryAsync_Window_ReturnsThoseStartedInsideNewestFirst()
    {
        var store = new InMemoryRequestStore();
        await store.WriteBatchAsync(Requests(), default);
        var found = await store.QueryAsync(new RequestQuery { From = T0.AddMinutes(10), To = T0.AddMinutes(40) }, default);
        Assert.Equal(["r3", "r2"], found.Select(r => r.RequestId)); // r4 starts at 40: the window is half-open
    }

    [Fact]
    public async Task QueryAsync_ById_FindsOneOrNone()
    {
        var store = new InMemoryRequestStore();
        await store.WriteBatchAsync(Requests(), default);
        Assert.Equal("r4", Assert.Single(await store.QueryAsync(RequestQuery.ById("r4"), default)).RequestId);
        Assert.Empty(await store.QueryAsync(RequestQuery.ById("nope"), default));
    }

    [Fact]
    public async Task QueryAsync_Limit_KeepsTheNewest()
    {
        var store = new InMemoryRequestStore();
        await store.WriteBatchAsync(Requests(), default);
        var found = await store.QueryAsync(new RequestQuery { Limit = 2 }, default);
        Assert.Equal(["r5", "r4"], found.Select(r => r.RequestId));
    }
}
