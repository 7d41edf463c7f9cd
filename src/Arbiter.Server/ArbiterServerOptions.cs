using Arbiter.Core.Config;
using Arbiter.Core.Kpis;
using Arbiter.Core.RequestLog;
using Arbiter.Storage;

namespace Arbiter.Server;

/// <summary>What the host is built from. Everything but <see cref="Config"/> has a production default; tests replace them.</summary>
public sealed record ArbiterServerOptions
{
    /// <summary>A configuration that passed <see cref="ConfigValidator"/>.</summary>
    public required ArbiterConfig Config { get; init; }
    /// <summary>The port on 127.0.0.1 (0 picks a free one); defaults to the configuration's.</summary>
    public int? Port { get; init; }
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
    public TimeProvider Time { get; init; } = TimeProvider.System;
    /// <summary>The handler under the shared upstream sender (tests inject one; production uses a pooled SocketsHttpHandler).</summary>
    public HttpMessageHandler? UpstreamHandler { get; init; }
    /// <summary>Only the request log replaced (keys and spend then live in memory); <see cref="Storage"/> replaces everything.</summary>
    public IRequestStore? RequestStore { get; init; }
    /// <summary>The stores to run on, already migrated; default: opened from the configuration's <c>storage:</c>.</summary>
    public ArbiterStorage? Storage { get; init; }
    public IFeedbackStore? FeedbackStore { get; init; }
}
