using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Arbiter.Benchmarks.Payloads;
using Arbiter.Core.Accounting;
using Arbiter.Core.Buffers;
using Arbiter.Core.Chat;
using Arbiter.Core.OpenAIFormat;
using BenchmarkDotNet.Attributes;

namespace Arbiter.Benchmarks;

/// <summary>
/// One gateway request without Kestrel or sockets, in the order ChatCompletionsEndpoint runs it: parse the client
/// body, plan, execute through the real OpenAI adapter (request written, sent over an HttpMessageInvoker to an in-memory
/// upstream, answer parsed), cost, write the client's answer. Not included: Kestrel, headers, the request record.
/// </summary>
[MemoryDiagnoser]
public class FullPipelineInProcessBenchmarks
{
    private static ReadOnlySpan<byte> DataPrefix => "data: "u8;
    private static ReadOnlySpan<byte> EventEnd => "\n\n"u8;
    private static ReadOnlySpan<byte> DoneEvent => "data: [DONE]\n\n"u8;

    private InProcessGateway _json = null!;
    private InProcessGateway _sse = null!;
    private ReadOnlySequence<byte> _body;
    private ReadOnlySequence<byte> _streamBody;
    private readonly ArrayBufferWriter<byte> _sseOutput = new(16384);

    [ParamsAllValues]
    public BodyKind Body { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        _json = InProcessGateway.Create(CompletionBodies.Of(Body), "application/json");
        _sse = InProcessGateway.Create(StreamBodies.Of(Body), "text/event-stream");
        _body = new ReadOnlySequence<byte>(RequestBodies.Of(Body));
        _streamBody = new ReadOnlySequence<byte>(RequestBodies.StreamingOf(Body));
        // Not a measurement check: an error here would mean timing the failure path instead of the gateway's.
        if (await FullPipelineInProcess() == 0 || await FullPipelineStreamInProcess() == 0)
            throw new InvalidOperationException("setup: the in-process pipeline did not produce an answer");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _json.Dispose();
        _sse.Dispose();
    }

    [Benchmark]
    public async Task<int> FullPipelineInProcess()
    {
        var request = RequestParsing.Parse(_body);
        var plan = _json.Router.Plan(request);
        var outcome = await _json.Executor.CompleteAsync(request, plan, CancellationToken.None);
        if (outcome.Response is not { } response || outcome.Model is not { } model) return 0;
        // The endpoint formats the cost for the x-arbiter-cost-usd header.
        var cost = CostCalculator.Cost(response.Usage, model.Price);
        var costHeader = cost is decimal c ? c.ToString("0.##########", CultureInfo.InvariantCulture) : "unpriced";
        var buffer = new PooledBufferWriter(2048);
        using (var w = new Utf8JsonWriter(buffer, JsonWriting.Options)) OpenAIResponseWriter.WriteCompletion(w, response);
        var (bytes, length) = buffer.Detach();
        ArrayPool<byte>.Shared.Return(bytes);
        return length + costHeader.Length;
    }

    [Benchmark]
    public async Task<int> FullPipelineStreamInProcess()
    {
        var request = RequestParsing.Parse(_streamBody);
        var plan = _sse.Router.Plan(request);
        await using var outcome = await _sse.Executor.OpenStreamAsync(request, plan, CancellationToken.None);
        if (outcome.FirstChunk is not { } first || outcome.Model is not { } model) return 0;
        _sseOutput.ResetWrittenCount();
        // SseResponseWriter: one writer per response, reset onto the output for each chunk.
        using var json = new Utf8JsonWriter(Stream.Null, JsonWriting.Options);
        var accumulated = new ChatStreamAccumulator();
        accumulated.Add(first);
        WriteChunk(json, first, request.StreamIncludeUsage);
        while (await outcome.MoveNextAsync())
        {
            accumulated.Add(outcome.Current);
            WriteChunk(json, outcome.Current, request.StreamIncludeUsage);
        }
        _sseOutput.Write(DoneEvent);
        var cost = CostCalculator.Cost(accumulated.Usage, model.Price);
        return _sseOutput.WrittenCount + (cost is null ? 0 : 1);
    }

    private void WriteChunk(Utf8JsonWriter json, ChatStreamChunk chunk, bool clientWantsUsage)
    {
        if (chunk.Choices.Count == 0 && !clientWantsUsage) return;
        _sseOutput.Write(DataPrefix);
        json.Reset(_sseOutput);
        OpenAIResponseWriter.WriteChunk(json, chunk, clientWantsUsage);
        json.Flush();
        _sseOutput.Write(EventEnd);
    }
}
