using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class RouterBenchCsvTests
{
    private const string Csv =
        ",sample_id,prompt,eval_name,m1,m2,m1|model_response,m2|model_response,m1|total_cost,m2|total_cost,oracle_model_to_route_to\n" +
        "0,a.1,\"['Q: one?\\nA\\n\\nQ: two, really?']\",task-a,1.0,0.0,yes,no,0.001,0.01,m1\n" +
        "1,a.2,\"['Q: three?']\",task-a,,1.0,\"multi\nline\",ok,0.002,0.02,m2\n";

    [Fact]
    public void Read_RouterBenchRows_ParsesModelsScoresCostsAndDistinctiveText()
    {
        var data = RouterBenchCsv.Read(new StringReader(Csv), "test.csv", withResponses: true);

        Assert.Equal(["m1", "m2"], data.Models);
        Assert.Equal(2, data.Samples.Count);
        var first = data.Samples[0];
        Assert.Equal("a.1", first.SampleId);
        Assert.Equal("Q: two, really?", first.Text);
        Assert.Equal("task-a", first.EvalName);
        Assert.Equal([1f, 0f], first.Scores);
        Assert.Equal([0.001, 0.01], first.Costs);
        Assert.Equal(new string?[] { "multi\nline", "ok" }, data.Samples[1].Responses!.AsEnumerable());
    }

    [Fact]
    public void Read_EmptyScore_IsNaN()
    {
        var data = RouterBenchCsv.Read(new StringReader(Csv), "test.csv");

        Assert.True(float.IsNaN(data.Samples[1].Scores[0]));
        Assert.Null(data.Samples[1].Responses);
    }

    [Fact]
    public void Read_PromptsOnly_GivesNoModels()
    {
        var data = RouterBenchCsv.Read(new StringReader("sample_id,prompt\nx,\"['hello']\"\n"), "p.csv");

        Assert.Empty(data.Models);
        Assert.Equal("hello", data.Samples[0].Text);
        Assert.Equal("", data.Samples[0].EvalName);
    }

    [Fact]
    public void Read_NoPromptColumn_ThrowsNamingIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => RouterBenchCsv.Read(new StringReader("sample_id,text\n1,x\n"), "bad.csv"));

        Assert.Contains("'prompt'", ex.Message);
    }

    [SharedDataFact("routerbench")]
    public void Load_SharedArcChallenge_HasElevenModelsAndEveryRow()
    {
        var data = RouterBenchCsv.Load(Path.Combine(SharedData.Folder("routerbench")!, "arc_challenge_train.csv"));

        Assert.Equal(11, data.Models.Count);
        Assert.Equal(1039, data.Samples.Count);
        Assert.All(data.Samples, s => Assert.Equal("arc-challenge", s.EvalName));
        Assert.DoesNotContain(data.Samples, s => s.Text.Contains("\n\n"));
    }
}
