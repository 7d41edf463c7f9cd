using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class PromptTextTests
{
    [Fact]
    public void Distinctive_FewShotListPrompt_ReturnsLastBlockOfLastElement()
    {
        var prompt = "['ignored first', 'Q: 1+1?\\nAnswer:\\n2\\n\\nQ: 2+2?\\nAnswer:\\n4\\n\\nQ: 3+5?\\nAnswer:']";

        Assert.Equal("Q: 3+5?\nAnswer:", PromptText.Distinctive(prompt));
    }

    [Fact]
    public void LastBlockOf_NoBlankLine_ReturnsTrimmedText()
    {
        Assert.Equal("Write a function.", PromptText.LastBlockOf("  Write a function.\n"));
    }
}
