using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class FeedbackJoinTests
{
    [Fact]
    public void Join_RequestsWithFeedback_WriteTrainingLinesTheLogLoaderReads()
    {
        var requests = """
            {"request_id": "r1", "prompt": "sum 2 and 3", "served_model": "small", "cost_usd": 0.0001, "task": "math"}
            {"request_id": "r2", "prompt": "write a poem", "model": "large", "cost_usd": 0.002}
            {"request_id": "r3", "prompt": "no feedback", "served_model": "small"}
            {"request_id": "r4", "prompt": "failed", "served_model": null}
            """;
        var feedback = """
            {"request_id": "r1", "score": 1}
            {"request_id": "r2", "score": 0.5}
            {"request_id": "r2", "score": 0}
            {"request_id": "r4", "score": 1}
            """;
        var output = new StringWriter();

        var counts = FeedbackJoin.Join(new StringReader(requests), new StringReader(feedback), output);

        Assert.Equal(new FeedbackJoin.Counts(4, 3, 2), counts);
        var data = FeedbackLog.Read(new StringReader(output.ToString()), "joined");
        Assert.Equal(["large", "small"], data.Models);
        var r1 = data.Samples.Single(s => s.SampleId == "r1");
        Assert.Equal(1f, r1.Scores[1]);
        Assert.Equal("math", r1.EvalName);
        Assert.Equal(0.0001, r1.Costs[1], 12);
        Assert.Equal(0.25f, data.Samples.Single(s => s.SampleId == "r2").Scores[0]);
    }

    [Fact]
    public void Join_FeedbackWithoutScore_ThrowsWithLine()
    {
        var ex = Assert.Throws<InvalidDataException>(() =>
            FeedbackJoin.Join(new StringReader(""), new StringReader("{\"request_id\": \"r1\"}"), new StringWriter()));

        Assert.Contains("feedback line 1", ex.Message);
    }
}
