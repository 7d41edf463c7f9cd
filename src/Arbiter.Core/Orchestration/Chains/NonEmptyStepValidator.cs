namespace Arbiter.Core.Orchestration.Chains;

/// <summary>The output must have some text and must not have been cut off at the token limit.</summary>
public sealed class NonEmptyStepValidator : IStepValidator
{
    public string Name => StepValidators.NonEmpty;

    public ValueTask<StepVerdict> ValidateAsync(StepCheck check, CancellationToken cancellationToken) =>
        ValueTask.FromResult(check.Answer.Text.Trim().Length == 0 ? StepVerdict.Fail("empty output")
            : check.Answer.Response!.Choices[0].FinishReason == Chat.FinishReason.Length ? StepVerdict.Fail("cut off at the token limit")
            : StepVerdict.Pass("not empty"));
}
