using Arbiter.Core.Cascade;
using Arbiter.Core.Chat;
using Arbiter.Core.Models;
using Arbiter.Core.Routing;
using Arbiter.Learning.Data;
using Arbiter.Learning.Model;

namespace Arbiter.Learning.Scoring;

/// <summary>
/// A learned answer scorer for the cascade's <c>scorer</c> gate: P(answer good) from the last user message's last
/// block (the question) and the answer's text, by a classifier trained with <c>arbiter router train-scorer</c>.
/// The task feature is the request's <c>arbiter_task</c> metadata (unknown tasks give zeros). CPU only, no I/O.
/// </summary>
public sealed class LearnedAnswerScorer : IAnswerScorer
{
    private readonly QualityModel _model;

    public LearnedAnswerScorer(string name, QualityModel model)
    {
        if (model.Manifest.Kind != AnswerScorerTrainer.Kind || model.Models.Count != 1)
            throw new InvalidDataException($"not an answer scorer (kind '{model.Manifest.Kind ?? "router"}'); train one with `arbiter router train-scorer`");
        Name = name;
        _model = model;
    }

    public string Name { get; }

    public static LearnedAnswerScorer Load(string name, string directory) => new(name, RouterModelStore.Load(directory));

    public ValueTask<double> ScoreAsync(ChatRequest request, ChatResponse response, ModelEntry model, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Score(LastUserText(request), AnswerOf(response), Task(request)));

    /// <summary>P(good) of <paramref name="answer"/> to the question in <paramref name="prompt"/>.</summary>
    public double Score(string prompt, string answer, string task)
    {
        Span<float> p = stackalloc float[1];
        _model.Predict(AnswerText.Of(PromptText.LastBlockOf(prompt), answer), task, p);
        return p[0];
    }

    private static string LastUserText(ChatRequest request)
    {
        for (var i = request.Messages.Count - 1; i >= 0; i--)
            if (request.Messages[i].Role == ChatRole.User) return request.Messages[i].AllText();
        return "";
    }

    private static string AnswerOf(ChatResponse response) => response.Choices.Count == 0 ? "" : response.Choices[0].Message.AllText();

    private static string Task(ChatRequest request) =>
        request.Metadata is { } m && m.TryGetValue(RoutingContext.TaskMetadataKey, out var t) ? t : "";
}
