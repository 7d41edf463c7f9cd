namespace Arbiter.Learning.Evaluation;

/// <summary>
/// How well a router's P(good) ranks prompts by a model's real outcome, within each task (the task's base rate is
/// the per-task baseline's whole knowledge, so only ranking inside a task is the text's own signal): ROC AUC per task
/// (ties count half), averaged weighted by the task's prompts. 0.5 = no signal from the text.
/// </summary>
public static class PredictionAuc
{
    public static double WithinTasks(RouterPredictions predictions, OutcomeTable outcomes, IReadOnlyList<string> evalNames, int model)
    {
        double sum = 0; var weight = 0;
        foreach (var task in evalNames.Select((t, i) => (t, i)).GroupBy(x => x.t, x => x.i))
        {
            var rows = task.ToList();
            var auc = Auc(rows.Select(i => (double)predictions.Quality[i][model]).ToList(), rows.Select(i => outcomes.Scores[i][model] >= 0.5).ToList());
            if (double.IsNaN(auc)) continue;
            sum += auc * rows.Count; weight += rows.Count;
        }
        return weight == 0 ? double.NaN : sum / weight;
    }

    internal static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> good)
    {
        double pairs = 0, wins = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (!good[i]) continue;
            for (var j = 0; j < scores.Count; j++)
            {
                if (good[j]) continue;
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? double.NaN : wins / pairs;
    }
}
