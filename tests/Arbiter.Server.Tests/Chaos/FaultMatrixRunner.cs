using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Arbiter.Core.Execution;

namespace Arbiter.Server.Tests.Chaos;

/// <summary>
/// Runs one <see cref="FaultCase"/> end to end: a chaos upstream with the fault, a healthy one behind the fallback
/// model, the whole gateway in process, and a plain HTTP client reading the JSON or the SSE stream to its end.
/// Timeouts are short (first byte and idle 1 s, one call 2 s, a request 10 s) so the whole matrix takes seconds.
/// </summary>
public static class FaultMatrixRunner
{
    /// <summary>No case may take longer than this: a safety net against a hang, far above every configured timeout.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    public static string Config(string primary, string backup) => $$"""
        server: { upstream_timeout_seconds: 2 }
        providers:
          primary: { type: openai, base_url: "{{primary}}", api_key: "env:UPSTREAM_KEY" }
          backup: { type: openai, base_url: "{{backup}}", api_key: "env:UPSTREAM_KEY" }
        models:
          chaos: { provider: primary, model: chaos-1 }
          backup-model: { provider: backup, model: backup-1 }
        routes:
          chaos-with-fallback: { model: chaos, fallbacks: [backup-model] }
        resilience:
          seed: 1
          retry: { base_delay_ms: 20, max_delay_ms: 100, max_retry_after_seconds: 0.5 }
          timeouts: { connect_seconds: 1, first_byte_seconds: 1, stream_idle_seconds: 1, total_seconds: 10 }
        """;

    public static async Task<FaultResult> RunAsync(FaultCase c)
    {
        await using var primary = await ChaosUpstream.StartAsync(c.Fault);
        await using var backup = await ChaosUpstream.StartAsync();
        await using var host = await GatewayHost.StartYamlAsync(Config(primary.BaseUrl, backup.BaseUrl), TestConfigs.UpstreamEnv);
        var model = c.Fallback ? "chaos-with-fallback" : "chaos";
        var json = $$"""{"model":"{{model}}","stream":{{(c.Stream ? "true" : "false")}},"messages":[{"role":"user","content":"Say the pangram."}]}""";

        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(HangGuard);
        var body = await StreamedBody.ReadToEndAsync(response, ChaosUpstream.FirstPiece, primary.FirstPieceArrived.Arrived).WaitAsync(HangGuard);
        clock.Stop();

        var record = await host.RecordAsync(response.Headers.GetValues("x-request-id").Single());
        var result = new FaultResult(c)
        {
            Status = (int)response.StatusCode,
            ServedModel = Header(response, "x-arbiter-model"),
            RetryAfter = response.Headers.RetryAfter?.ToString(),
            AttemptsHeader = Header(response, "x-arbiter-attempts"),
            Chain = Header(response, "x-arbiter-fallback"),
            RecordStatus = record.Status,
            RecordedCalls = FallbackChain.Calls(record.Attempts),
            UpstreamRequests = primary.Requests + backup.Requests,
            DeliveredChars = record.DeliveredChars,
            Elapsed = clock.Elapsed,
        };
        return c.Stream && response.IsSuccessStatusCode ? WithStream(result, body) : WithJson(result, body);
    }

    private static FaultResult WithJson(FaultResult r, string body)
    {
        var root = JsonNode.Parse(body)!;
        if (root["error"] is { } error) return r with { ErrorCode = CodeOf(error) };
        return r with { Text = root["choices"]![0]!["message"]!["content"]!.GetValue<string>(), Done = true };
    }

    private static FaultResult WithStream(FaultResult r, string body)
    {
        var text = new StringBuilder();
        string? code = null;
        bool done = false, errorEvent = false;
        foreach (var line in body.Split('\n'))
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
            var data = line["data: ".Length..];
            if (data == "[DONE]") { done = true; continue; }
            var node = JsonNode.Parse(data)!;
            if (node["error"] is { } error) { errorEvent = true; code = CodeOf(error); continue; }
            if (node["choices"] is JsonArray { Count: > 0 } choices && choices[0]!["delta"]?["content"]?.GetValue<string>() is { } piece) text.Append(piece);
        }
        return r with { Text = text.ToString(), Done = done, ErrorEvent = errorEvent, ErrorCode = code };
    }

    /// <summary>The error's code, or its type when it has none (a generic upstream failure).</summary>
    private static string? CodeOf(JsonNode error) => error["code"]?.GetValue<string>() ?? error["type"]?.GetValue<string>();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? v.Single() : null;

    /// <summary>The matrix as a markdown table, one row per case, from actual results.</summary>
    public static string ToMarkdown(IEnumerable<FaultResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| fault | mode | fallback | client gets | calls | chain (x-arbiter-fallback) | recorded | time |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            var got = r.Status != 200 ? $"HTTP {r.Status} `{r.ErrorCode}`" + (r.RetryAfter is null ? "" : $", Retry-After {r.RetryAfter}")
                : r.ErrorEvent ? $"HTTP 200, {r.Text.Length} chars then SSE error `{r.ErrorCode}`, no [DONE]"
                : $"HTTP 200 from `{r.ServedModel}`, full answer" + (r.Case.Stream ? " + [DONE]" : "");
            var recorded = r.RecordStatus + (r.DeliveredChars is int d ? $", {d} chars delivered" : "");
            sb.Append("| ").Append(r.Case.Fault).Append(" | ").Append(r.Case.Stream ? "stream" : "non-stream").Append(" | ")
                .Append(r.Case.Fallback ? "yes" : "no").Append(" | ").Append(got).Append(" | ").Append(r.RecordedCalls).Append(" | ")
                .Append(r.Chain is null ? "-" : "`" + r.Chain + "`").Append(" | ").Append(recorded).Append(" | ")
                .Append(r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)).AppendLine(" s |");
        }
        return sb.ToString();
    }
}
