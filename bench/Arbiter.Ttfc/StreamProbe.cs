using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Arbiter.Ttfc;

/// <summary>
/// Sends streaming requests to one target over one kept-alive connection and times each: from just before
/// SendAsync to the end of the first <c>data: {...}</c> event (its closing blank line read), then to the end.
/// </summary>
public sealed class StreamProbe : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static ReadOnlySpan<byte> FirstData => "data: {"u8;
    private static ReadOnlySpan<byte> EventEnd => "\n\n"u8;
    private static ReadOnlySpan<byte> DoneEvent => "data: [DONE]"u8;

    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly byte[] _body;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _headers;
    private byte[] _buffer = new byte[64 * 1024];

    public StreamProbe(Uri url, byte[] body, IReadOnlyList<KeyValuePair<string, string>> headers, TimeSpan timeout)
    {
        _url = url;
        _body = body;
        _headers = headers;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            UseProxy = false,
            ActivityHeadersPropagator = null, // no traceparent header: every target gets the same bytes
        })
        { Timeout = timeout };
    }

    public async Task<Sample> RunAsync()
    {
        // Built before the clock starts: only the exchange is timed.
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = Json;
        foreach (var (k, v) in _headers) request.Headers.TryAddWithoutValidation(k, v);

        var start = Stopwatch.GetTimestamp();
        long first = 0;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            var length = 0;
            while (true)
            {
                if (length == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
                var n = await stream.ReadAsync(_buffer.AsMemory(length)).ConfigureAwait(false);
                if (n == 0) break;
                length += n;
                if (first == 0 && HasCompleteDataEvent(_buffer.AsSpan(0, length))) first = Stopwatch.GetTimestamp();
            }
            var end = Stopwatch.GetTimestamp();
            if (!response.IsSuccessStatusCode) return Sample.Failed($"HTTP {(int)response.StatusCode}");
            if (first == 0) return Sample.Failed("no data: {...} event");
            if (_buffer.AsSpan(0, length).IndexOf(DoneEvent) < 0) return Sample.Failed("no data: [DONE]");
            return new Sample(first - start, end - start, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return Sample.Failed(ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static bool HasCompleteDataEvent(ReadOnlySpan<byte> received)
    {
        var at = received.IndexOf(FirstData);
        return at >= 0 && received[(at + FirstData.Length)..].IndexOf(EventEnd) >= 0;
    }

    public void Dispose() => _http.Dispose();
}
