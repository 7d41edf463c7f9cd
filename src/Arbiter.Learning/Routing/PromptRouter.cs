using Arbiter.Learning.Model;

namespace Arbiter.Learning.Routing;

/// <summary>
/// Picks a model index for a prompt with a trained router: either cost-aware (quality − λ × cost, with an optional
/// confidence margin) or the calibrated strong/weak threshold. Thread-safe; allocation-free per call once warm.
/// </summary>
public sealed class PromptRouter
{
    private readonly QualityModel _model;
    private readonly Func<QualityModel, string, float[], int> _rule;
    [ThreadStatic] private static float[]? t_buffer;

    private PromptRouter(QualityModel model, Func<QualityModel, string, float[], int> rule)
    {
        _model = model;
        _rule = rule;
    }

    public static PromptRouter CostAware(QualityModel model, double lambda, double margin = 0) =>
        new(model, (m, task, p) => CostAwareChoice.ChooseWithMargin(p, m.CostsFor(task), lambda, margin));

    public static PromptRouter Calibrated(QualityModel model)
    {
        var cal = model.Manifest.Calibration ?? throw new InvalidDataException("the router has no calibrated threshold (train it with --strong-share)");
        var strong = IndexOf(model, cal.StrongModel);
        var weak = IndexOf(model, cal.WeakModel);
        return new(model, (_, _, p) => p[strong] - p[weak] > cal.Threshold ? strong : weak);
    }

    public int Choose(string text, string evalName)
    {
        var buffer = t_buffer is { } b && b.Length == _model.Models.Count ? b : t_buffer = new float[_model.Models.Count];
        _model.Predict(text, evalName, buffer);
        return _rule(_model, evalName, buffer);
    }

    private static int IndexOf(QualityModel model, string name)
    {
        for (var i = 0; i < model.Models.Count; i++) if (model.Models[i] == name) return i;
        throw new InvalidDataException($"calibrated model '{name}' is not one of the router's models");
    }
}
