using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Arbiter.Learning.Model;

/// <summary>
/// One model's trained, Platt-calibrated linear classifier, read out of its ML.NET transformer so a prediction
/// is a sparse dot product: no ML.NET pipeline, no allocation, safe to share between threads.
/// </summary>
public sealed class LinearScorer
{
    private readonly float[] _weights;
    private readonly float _bias;
    private readonly double _slope;
    private readonly double _offset;

    public LinearScorer(float[] weights, float bias, double slope, double offset)
    {
        _weights = weights;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    /// <summary>The linear and calibration parameters of a calibrated linear binary classifier (trained or loaded).</summary>
    public static LinearScorer From(ITransformer transformer)
    {
        var model = (transformer as ISingleFeaturePredictionTransformer<object>)?.Model
            ?? throw new InvalidDataException("the classifier is not an ML.NET prediction transformer");
        if (model is not CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated)
            throw new InvalidDataException($"the classifier is a {model.GetType().Name}, not a Platt-calibrated linear model");
        var weights = new float[calibrated.SubModel.Weights.Count];
        for (var i = 0; i < weights.Length; i++) weights[i] = calibrated.SubModel.Weights[i];
        return new LinearScorer(weights, calibrated.SubModel.Bias, calibrated.Calibrator.Slope, calibrated.Calibrator.Offset);
    }

    public int Dimension => _weights.Length;

    /// <summary>The calibrated probability of a good answer for these features (ML.NET's Platt formula).</summary>
    public float Probability(in VBuffer<float> features)
    {
        var score = _bias;
        var values = features.GetValues();
        if (features.IsDense)
        {
            var n = Math.Min(values.Length, _weights.Length);
            for (var i = 0; i < n; i++) score += values[i] * _weights[i];
        }
        else
        {
            var indices = features.GetIndices();
            for (var i = 0; i < indices.Length; i++)
                if (indices[i] < _weights.Length) score += values[i] * _weights[indices[i]];
        }
        return (float)(1 / (1 + Math.Exp(_slope * score + _offset)));
    }
}
