using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class DatasetSplitTests
{
    [Fact]
    public void Split_SameSeed_IsIdenticalAndPartitionsTheData()
    {
        var data = SyntheticData.Create(90, seed: 3);

        var (trainA, testA) = DatasetSplit.Split(data, 0.3, seed: 7);
        var (trainB, testB) = DatasetSplit.Split(data, 0.3, seed: 7);

        Assert.Equal(testA.Samples.Select(s => s.SampleId), testB.Samples.Select(s => s.SampleId));
        Assert.Equal(trainA.Samples.Select(s => s.SampleId), trainB.Samples.Select(s => s.SampleId));
        Assert.Empty(trainA.Samples.Select(s => s.SampleId).Intersect(testA.Samples.Select(s => s.SampleId)));
        Assert.Equal(90, trainA.Samples.Count + testA.Samples.Count);
    }

    [Fact]
    public void Split_EachTask_HoldsOutItsShare()
    {
        var data = SyntheticData.Create(90, seed: 3); // t1: 30 prompts, t2: 60

        var (_, test) = DatasetSplit.Split(data, 0.3, seed: 7);

        Assert.Equal(9, test.Samples.Count(s => s.EvalName == "t1"));
        Assert.Equal(18, test.Samples.Count(s => s.EvalName == "t2"));
    }

    [Fact]
    public void Split_OtherSeed_HoldsOutOtherPrompts()
    {
        var data = SyntheticData.Create(90, seed: 3);

        var a = DatasetSplit.Split(data, 0.3, seed: 1).HeldOut.Samples.Select(s => s.SampleId).ToHashSet();
        var b = DatasetSplit.Split(data, 0.3, seed: 2).HeldOut.Samples.Select(s => s.SampleId).ToHashSet();

        Assert.False(a.SetEquals(b));
    }
}
