namespace Arbiter.Learning.Evaluation;

/// <summary>
/// The cost weights λ a sweep tries: 0 (best quality at any price), then log-spaced from 0.1 to 10^6 per USD, which
/// on per-prompt costs of 10⁻⁵..10⁻² USD spans "cost barely matters" to "always the cheapest".
/// </summary>
public static class LambdaGrid
{
    public static IReadOnlyList<double> Default { get; } = Build(97, -1, 6);

    public static IReadOnlyList<double> Build(int count, double fromExponent, double toExponent)
    {
        var values = new List<double> { 0 };
        for (var k = 0; k < count; k++) values.Add(Math.Pow(10, fromExponent + (toExponent - fromExponent) * k / (count - 1)));
        return values;
    }
}
