using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class CsvRowsTests
{
    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndNewlines_KeepsThemInOneField()
    {
        var rows = CsvRows.Read(new StringReader("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n4,,\"\"\n")).ToList();

        Assert.Equal(3, rows.Count);
        Assert.Equal(["a", "b", "c"], rows[0]);
        Assert.Equal(["1", "x, \"y\"\nz", "3"], rows[1]);
        Assert.Equal(["4", "", ""], rows[2]);
    }

    [Fact]
    public void Read_NoTrailingNewline_ReturnsLastRow()
    {
        var rows = CsvRows.Read(new StringReader("a,b\n1,2")).ToList();

        Assert.Equal(["1", "2"], rows[1]);
    }
}
