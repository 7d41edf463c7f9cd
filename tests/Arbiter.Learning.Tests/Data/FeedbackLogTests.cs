using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class FeedbackLogTests
{
    [Fact]
    public void Read_LinesOfOnePrompt_BecomeOneSampleWithMissingModelsNaN()
    {
        var jsonl = """
            {"prompt": "sum 2 and 3", "model": "small", "score": 1, "cost_usd": 0.0001, "task": "math", "prompt_id": "p1"}
            {"prompt": "sum 2 and 3", "model": "large", "score": 0, "cost_usd": 0.002, "prompt_id": "p1"}

            {"prompt": "write a poem", "model": "large", "score": 0.8}
            """;

        var data = FeedbackLog.Read(new StringReader(jsonl), "f.jsonl");

        Assert.Equal(["large", "small"], data.Models);
        Assert.Equal(2, data.Samples.Count);
        var p1 = data.Samples.Single(s => s.SampleId == "p1");
        Assert.Equal([0f, 1f], p1.Scores);
        Assert.Equal([0.002, 0.0001], p1.Costs);
        Assert.Equal("math", p1.EvalName);
        var poem = data.Samples.Single(s => s.SampleId == "write a poem");
        Assert.Equal(0.8f, poem.Scores[0]);
        Assert.True(float.IsNaN(poem.Scores[1]));
        Assert.True(double.IsNaN(poem.Costs[0]));
    }

    [Theory]
    [InlineData("{\"model\": \"m\", \"score\": 1}", "prompt")]
    [InlineData("{\"prompt\": \"p\", \"model\": \"m\", \"score\": 2}", "score")]
    [InlineData("not json", "line 1")]
    public void Read_BadLine_ThrowsWithLineAndReason(string line, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => FeedbackLog.Read(new StringReader(line), "f.jsonl"));

        Assert.Contains("line 1", ex.Message);
        Assert.Contains(expected, ex.Message);
    }
}
