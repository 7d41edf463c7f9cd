using System.Buffers;
using System.Text;
using Arbiter.Core.Buffers;

namespace Arbiter.Core.Tests.Buffers;

/// <summary>The per-thread JSON writer: each document is whole and only its own, whatever was written before on the thread.</summary>
public sealed class PooledJsonTests
{
    private static string Text((byte[] Buffer, int Length) written)
    {
        var text = Encoding.UTF8.GetString(written.Buffer, 0, written.Length);
        ArrayPool<byte>.Shared.Return(written.Buffer);
        return text;
    }

    [Fact]
    public void Write_TwiceOnOneThread_EachDocumentIsOnlyItsOwn()
    {
        var first = Text(PooledJson.Write("a", static (w, s) => { w.WriteStartObject(); w.WriteString("k", s); w.WriteEndObject(); }));
        var second = Text(PooledJson.Write(42, static (w, n) => { w.WriteStartArray(); w.WriteNumberValue(n); w.WriteEndArray(); }));

        Assert.Equal("""{"k":"a"}""", first);
        Assert.Equal("[42]", second);
    }

    [Fact]
    public void Write_NestedInsideAnotherWrite_BothDocumentsAreWhole()
    {
        string? inner = null;
        var outer = Text(PooledJson.Write(0, (w, _) =>
        {
            w.WriteStartObject();
            inner = Text(PooledJson.Write("x", static (w2, s) => w2.WriteStringValue(s)));
            w.WriteString("after", "inner");
            w.WriteEndObject();
        }));

        Assert.Equal("\"x\"", inner);
        Assert.Equal("""{"after":"inner"}""", outer);
    }

    [Fact]
    public void Write_AfterAWriteThatThrew_StartsClean()
    {
        Assert.Throws<InvalidOperationException>(() => PooledJson.Write(0, static (w, _) =>
        {
            w.WriteStartObject();
            w.WriteString("half", "written");
            throw new InvalidOperationException("boom");
        }));

        var next = Text(PooledJson.Write(0, static (w, _) => { w.WriteStartObject(); w.WriteEndObject(); }));

        Assert.Equal("{}", next);
    }

    [Fact]
    public void Write_LargerThanTheSizeHint_GrowsAndKeepsEveryByte()
    {
        var long1 = new string('z', 10_000);

        var text = Text(PooledJson.Write(long1, static (w, s) => w.WriteStringValue(s), sizeHint: 16));

        Assert.Equal("\"" + long1 + "\"", text);
    }
}
