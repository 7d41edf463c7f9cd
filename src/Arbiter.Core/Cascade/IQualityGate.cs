namespace Arbiter.Core.Cascade;

/// <summary>A check a cascade stage's answer must pass to be returned; chosen by <see cref="Name"/> under <c>routes.NAME.gates</c>.</summary>
public interface IQualityGate
{
    /// <summary>One of <see cref="QualityGates"/> (or a custom gate's name).</summary>
    string Name { get; }

    ValueTask<GateVerdict> CheckAsync(GateInput input, CancellationToken cancellationToken);
}
