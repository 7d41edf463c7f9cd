using Arbiter.Core.Ids;

namespace Arbiter.Core.Tests.Ids;

public sealed class TimeOrderedIdTests
{
    [Fact]
    public void New_SameMoment_VersionSevenWithTheTimeInFrontAndRandomRest()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(0x0123_4567_89AB);

        var a = TimeOrderedId.New(at);
        var b = TimeOrderedId.New(at);

        Assert.Equal(32, a.Length);
        Assert.StartsWith("0123456789ab7", a);
        Assert.Equal(7, Guid.ParseExact(a, "N").Version);
        Assert.Contains(a[16], "89ab");
        Assert.NotEqual(a, b);
        Assert.Equal(a[..12], b[..12]);
    }

    [Fact]
    public void New_ManyIdsAcrossRandomBlocks_AllDistinct()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);

        var ids = Enumerable.Range(0, 1000).Select(_ => TimeOrderedId.New(at)).ToList();

        Assert.Equal(1000, ids.Distinct().Count());
        Assert.Equal(1000, ids.Select(id => id[13..]).Distinct().Count());
    }

    [Fact]
    public void New_LaterMoment_SortsAfter()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1_764_000_000_000);

        var ids = Enumerable.Range(0, 50).Select(i => TimeOrderedId.New(at.AddMilliseconds(i))).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }
}
