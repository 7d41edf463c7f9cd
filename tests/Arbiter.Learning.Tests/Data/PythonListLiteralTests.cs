using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class PythonListLiteralTests
{
    [Fact]
    public void Parse_SingleAndDoubleQuotedWithEscapes_ReturnsDecodedStrings()
    {
        var items = PythonListLiteral.Parse("['it\\'s\\na \"test\"', \"say \\\"hi\\\"\\t\\x41\\u00e9\"]");

        Assert.Equal(["it's\na \"test\"", "say \"hi\"\tAé"], items);
    }

    [Fact]
    public void Parse_NotAList_ReturnsTextUnchanged()
    {
        Assert.Equal(["plain prompt"], PythonListLiteral.Parse("plain prompt"));
        Assert.Equal(["[not, quoted]"], PythonListLiteral.Parse("[not, quoted]"));
    }
}
