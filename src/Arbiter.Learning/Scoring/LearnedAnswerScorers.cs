using Arbiter.Core.Cascade;
using Arbiter.Core.Config;

namespace Arbiter.Learning.Scoring;

/// <summary>Loads every <c>scorers:</c> entry of type <c>learned</c> at start-up; a directory that cannot be read is a configuration error naming its key.</summary>
public static class LearnedAnswerScorers
{
    public static IReadOnlyList<IAnswerScorer> Load(ArbiterConfig config, string baseDirectory)
    {
        var scorers = new List<IAnswerScorer>();
        foreach (var (name, s) in config.Scorers ?? [])
        {
            if (s?.Type != AnswerScorerTypes.Learned) continue;
            var dir = Path.GetFullPath(s.ModelDir!, baseDirectory);
            try
            {
                scorers.Add(LearnedAnswerScorer.Load(name, dir));
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                throw new ConfigException([$"scorers.{name}.model_dir: cannot load the answer scorer at {dir}: {ex.Message}"]);
            }
        }
        return scorers;
    }
}
