using Arbiter.Learning.Data;

namespace Arbiter.Learning.Tests.Data;

public class NearDuplicatesTests
{
    private static RoutingSample Sample(string id, string text, string task = "t") => new(id, text, task, [1], [0]);

    [Fact]
    public void Groups_TwinSentencesAndExactRepeats_ShareAGroup_OthersDoNot()
    {
        RoutingSample[] samples =
        [
            Sample("a", "Emily said that Victoria's hijab was silly. _ said some very offensive things. A) Victoria B) Emily"),
            Sample("b", "Emily said that Victoria's hijab was silly. _ heard some very offensive things. A) Emily B) Victoria"),
            Sample("c", "An animal has six legs. What is it most likely to be?"),
            Sample("d", "An animal has six legs. What is it most likely to be?"),
            Sample("e", "Which gas do plants take in from the air?"),
        ];

        var groups = NearDuplicates.Groups(samples);

        Assert.Equal(groups[0], groups[1]);
        Assert.Equal(groups[2], groups[3]);
        Assert.NotEqual(groups[0], groups[2]);
        Assert.Equal(4, groups[4]);
    }

    [Fact]
    public void Split_NearDuplicates_NeverStraddleTrainAndTest()
    {
        var samples = new List<RoutingSample>();
        for (var i = 0; i < 40; i++)
        {
            // Words of their own per pair: pairs are far apart, the two halves of a pair differ in one word.
            var words = $"p{i}w1 p{i}w2 p{i}w3 p{i}w4 p{i}w5 p{i}w6 p{i}w7 p{i}w8";
            samples.Add(Sample($"s{i:D2}a", $"{words} is bigger than _ A) left B) right"));
            samples.Add(Sample($"s{i:D2}b", $"{words} is smaller than _ A) left B) right"));
        }
        var data = new RoutingDataset(["m"], samples);

        for (var seed = 0; seed < 5; seed++)
        {
            var (train, test) = DatasetSplit.Split(data, 0.3, seed);

            var testIds = test.Samples.Select(s => s.SampleId[..^1]).ToHashSet();
            Assert.DoesNotContain(train.Samples, s => testIds.Contains(s.SampleId[..^1]));
            Assert.Equal(24, test.Samples.Count); // 12 whole pairs
        }
    }
}
