using System.Text;
using System.Text.Json;
using Arbiter.Learning.Routing;

namespace Arbiter.Learning.Tests.Routing;

public class RouteDecisionsJsonlTests
{
    [Fact]
    public void Write_SeveralDecisions_OneJsonObjectPerLine()
    {
        using var stream = new MemoryStream();

        var n = RouteDecisionsJsonl.Write(stream, [("a.1", "m1"), ("a \"2\"", "m2"), ("a.3", "m1")]);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, n);
        Assert.Equal(3, lines.Length);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal("a \"2\"", second.RootElement.GetProperty("sample_id").GetString());
        Assert.Equal("m2", second.RootElement.GetProperty("model").GetString());
    }
}
