using Arbiter.Learning.Data;
using Arbiter.Learning.Evaluation;
using Arbiter.Learning.Model;

namespace Arbiter.Learning.Scoring;

/// <summary>How well an answer scorer tells good recorded answers from bad ones on prompts it was not trained on.</summary>
public static class AnswerScorerCheck
{
    /// <summary>Per model: ROC AUC of the scorer's P(good) against the real score, within each task, weighted by the task's prompts.</summary>
    public static IEnumerable<(string Model, double Auc)> HeldOutAuc(QualityModel scorer, RoutingDataset test, IReadOnlyList<string> models)
    {
        var buffer = new float[1];
        foreach (var name in models)
        {
            var m = test.Models.ToList().IndexOf(name);
            if (m < 0) continue;
            double sum = 0; var weight = 0;
            foreach (var task in test.Samples.Where(s => s.Responses?[m] is not null && !float.IsNaN(s.Scores[m])).GroupBy(s => s.EvalName))
            {
                var scores = new List<double>();
                var good = new List<bool>();
                foreach (var s in task)
                {
                    scorer.Predict(AnswerText.Of(s.Text, AnswerText.Recorded(s.Responses![m])), s.EvalName, buffer);
                    scores.Add(buffer[0]);
                    good.Add(s.Scores[m] >= 0.5f);
                }
                var auc = PredictionAuc.Auc(scores, good);
                if (double.IsNaN(auc)) continue;
                sum += auc * scores.Count; weight += scores.Count;
            }
            yield return (name, weight == 0 ? double.NaN : sum / weight);
        }
    }
}
