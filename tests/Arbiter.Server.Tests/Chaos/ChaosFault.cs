namespace Arbiter.Server.Tests.Chaos;

/// <summary>What the chaos upstream does to a request (see <see cref="ChaosUpstream"/>).</summary>
public enum ChaosFault
{
    /// <summary>A normal answer.</summary>
    None,
    /// <summary>HTTP 429 with <c>Retry-After: 1</c>.</summary>
    RateLimited429,
    /// <summary>HTTP 500.</summary>
    ServerError500,
    /// <summary>HTTP 503.</summary>
    Unavailable503,
    /// <summary>Nothing listens on the port: the connection is refused (the upstream is configured at a closed port).</summary>
    ConnectionRefused,
    /// <summary>No response headers until the client gives up.</summary>
    TimeoutBeforeHeaders,
    /// <summary>HTTP 200 headers, then nothing until the client gives up.</summary>
    HangAfterHeaders,
    /// <summary>Part of the answer (a first chunk, or half the JSON), then the connection is reset.</summary>
    ResetMidStream,
    /// <summary>HTTP 200 with a body (or a stream chunk) that is not JSON.</summary>
    MalformedJson,
    /// <summary>The answer in small pieces, <see cref="ChaosUpstream.DripInterval"/> apart (well within the idle timeout).</summary>
    SlowDrip,
    /// <summary>HTTP 404: the model no longer exists.</summary>
    ModelGone404,
}
