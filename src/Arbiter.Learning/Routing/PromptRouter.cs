using Arbiter.Learning.Model;

namespace Arbiter.Learning.Routing;

/// <summary>
/// Picks a model index for a prompt with a trained router: either cost-aware (quality − λ × cost, with a confidence
/// margin: close calls go to the stronger model) or the calibrated strong/weak threshold (strong when the predicted
/// gain exceeds threshold − margin). Models outside <c>allowed</c> are never chosen. Thread-safe; no allocation per
/// call once warm.
/// </summary>
public sealed class PromptRouter
{
    private readonly QualityModel _model;
    private readonly bool[]? _allowed;
    private readonly Func<QualityModel, string, float[], int> _rule;
    [ThreadStatic] private static float[]? t_buffer;

    private PromptRouter(QualityModel model, bool[]? allowed, Func<QualityModel, string, float[], int> rule)
    {
        _model = model;
        _allowed = allowed;
        _rule = rule;
    }

    public QualityModel Model => _model;

    /// <param name="allowed">Per router model, whether it may be chosen (null: all).</param>
    public static PromptRouter CostAware(QualityModel model, double lambda, double margin = 0, bool[]? allowed = null)
    {
        if (allowed is not null && !allowed.Contains(true)) throw new ArgumentException("no router model is allowed");
        return new(model, allowed, (m, task, p) => CostAwareChoice.ChooseWithMargin(p, m.CostsFor(task), lambda, margin));
    }

    public static PromptRouter Calibrated(QualityModel model, double margin = 0, bool[]? allowed = null)
    {
        var cal = model.Manifest.Calibration ?? throw new InvalidDataException("the router has no calibrated threshold (train it with --strong-share)");
        var strong = IndexOf(model, cal.StrongModel);
        var weak = IndexOf(model, cal.WeakModel);
        if (allowed is not null && !(allowed[strong] && allowed[weak]))
            throw new ArgumentException($"the calibrated models {cal.StrongModel} and {cal.WeakModel} must both be available");
        var threshold = cal.Threshold - margin;
        return new(model, null, (_, _, p) => p[strong] - p[weak] > threshold ? strong : weak);
    }

    public int Choose(string text, string evalName)
    {
        var buffer = t_buffer is { } b && b.Length == _model.Models.Count ? b : t_buffer = new float[_model.Models.Count];
        _model.Predict(text, evalName, buffer);
        if (_allowed is not null)
            for (var i = 0; i < buffer.Length; i++) if (!_allowed[i]) buffer[i] = float.NegativeInfinity;
        return _rule(_model, evalName, buffer);
    }

    private static int IndexOf(QualityModel model, string name)
    {
        for (var i = 0; i < model.Models.Count; i++) if (model.Models[i] == name) return i;
        throw new InvalidDataException($"calibrated model '{name}' is not one of the router's models");
    }
}
