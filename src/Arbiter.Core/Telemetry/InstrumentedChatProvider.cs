using System.Diagnostics;
using System.Runtime.CompilerServices;
using Arbiter.Core.Accounting;
using Arbiter.Core.Chat;
using Arbiter.Core.Config;
using Arbiter.Core.Errors;
using Arbiter.Core.Providers;
using G = Arbiter.Core.Telemetry.TelemetryNames.GenAi;
using A = Arbiter.Core.Telemetry.TelemetryNames.Arbiter;

namespace Arbiter.Core.Telemetry;

/// <summary>
/// Wraps a provider so each call (one attempt) is a client span "chat {upstream model}" under the request span, with
/// the gen_ai.* attributes, cost, finish reasons and time to first chunk. Used only when tracing is configured:
/// otherwise providers are not wrapped at all.
/// </summary>
public sealed class InstrumentedChatProvider(IChatProvider inner, IReadOnlyDictionary<string, PriceConfig?> pricesByUpstreamModel, TimeProvider time)
    : IChatProvider
{
    private readonly string _providerName = TelemetryNames.ProviderNameOf(inner.Type);

    public string Name => inner.Name;
    public string Type => inner.Type;
    public IChatProvider Inner => inner;

    public async ValueTask<ChatResponse> CompleteAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        using var span = Start(upstreamModel, stream: false);
        try
        {
            var response = await inner.CompleteAsync(request, upstreamModel, cancellationToken).ConfigureAwait(false);
            if (span is { IsAllDataRequested: true })
            {
                Answered(span, upstreamModel, response.Id, response.Model, response.Usage);
                var reasons = new List<string>(response.Choices.Count);
                foreach (var c in response.Choices)
                    if (c.FinishReason is { } reason) reasons.Add(GatewaySpans.FinishReasonName(reason));
                span.SetTag(G.ResponseFinishReasons, reasons.ToArray());
            }
            return response;
        }
        catch (Exception ex) when (span is not null)
        {
            Failed(span, ex);
            throw;
        }
    }

    public IAsyncEnumerable<ChatStreamChunk> StreamAsync(ChatRequest request, string upstreamModel, CancellationToken cancellationToken)
    {
        var stream = inner.StreamAsync(request, upstreamModel, cancellationToken);
        return Source.HasListeners() ? Traced(stream, upstreamModel, cancellationToken) : stream;
    }

    private async IAsyncEnumerable<ChatStreamChunk> Traced(IAsyncEnumerable<ChatStreamChunk> stream, string upstreamModel,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var span = Start(upstreamModel, stream: true);
        var started = time.GetTimestamp();
        var first = true;
        string? id = null, model = null;
        TokenUsage? usage = null;
        List<string>? reasons = null;
        await using var e = stream.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await e.MoveNextAsync().ConfigureAwait(false)) break;
            }
            catch (Exception ex) when (span is not null)
            {
                Failed(span, ex);
                throw;
            }
            var chunk = e.Current;
            if (first)
            {
                first = false;
                span?.SetTag(G.ResponseTimeToFirstChunk, time.GetElapsedTime(started).TotalSeconds);
            }
            id ??= chunk.Id;
            model ??= chunk.Model;
            usage = chunk.Usage ?? usage;
            foreach (var c in chunk.Choices)
                if (c.FinishReason is { } reason) (reasons ??= []).Add(GatewaySpans.FinishReasonName(reason));
            yield return chunk;
        }
        if (span is { IsAllDataRequested: true })
        {
            Answered(span, upstreamModel, id, model, usage);
            if (reasons is not null) span.SetTag(G.ResponseFinishReasons, reasons.ToArray());
        }
    }

    private static ActivitySource Source => GatewaySpans.Source;

    private Activity? Start(string upstreamModel, bool stream)
    {
        var span = Source.StartActivity($"{G.OperationChat} {upstreamModel}", ActivityKind.Client);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(G.OperationName, G.OperationChat);
            span.SetTag(G.ProviderName, _providerName);
            span.SetTag(G.RequestModel, upstreamModel);
            span.SetTag(G.RequestStream, stream);
            span.SetTag(A.Provider, inner.Name);
        }
        return span;
    }

    private void Answered(Activity span, string upstreamModel, string? id, string? model, TokenUsage? usage)
    {
        if (id is not null) span.SetTag(G.ResponseId, id);
        span.SetTag(G.ResponseModel, model ?? upstreamModel);
        GatewaySpans.SetUsage(span, usage);
        if (usage is not null && pricesByUpstreamModel.TryGetValue(upstreamModel, out var price))
        {
            if (CostCalculator.Cost(usage, price) is decimal cost) span.SetTag(A.CostUsd, (double)cost);
            else span.SetTag(A.Unpriced, true);
        }
    }

    private static void Failed(Activity span, Exception ex)
    {
        var kind = ex is ArbiterException ae ? ae.Error.Kind.ToString() : ex is OperationCanceledException ? ErrorKind.UpstreamTimeout.ToString() : ex.GetType().Name;
        span.SetTag(TelemetryNames.ErrorType, kind);
        span.SetStatus(ActivityStatusCode.Error, ex is ArbiterException a ? a.Error.Message : null);
    }
}
