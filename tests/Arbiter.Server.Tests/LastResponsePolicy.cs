using System.ClientModel.Primitives;

namespace Arbiter.Server.Tests;

/// <summary>Keeps the last HTTP response the SDK received, so a streamed call's headers can be read.</summary>
public sealed class LastResponsePolicy : PipelinePolicy
{
    public PipelineResponse? Last { get; private set; }

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Last = message.Response;
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex);
        Last = message.Response;
    }
}
