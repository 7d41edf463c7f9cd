namespace Arbiter.Core.Orchestration.Chains;

/// <summary>Checks a chain step's output; chosen by <see cref="Name"/> under <c>steps[i].validate.type</c>.</summary>
public interface IStepValidator
{
    /// <summary>One of <see cref="StepValidators"/>.</summary>
    string Name { get; }

    ValueTask<StepVerdict> ValidateAsync(StepCheck check, CancellationToken cancellationToken);
}
