using Arbiter.Core.Chat;

namespace Arbiter.Core.Routing;

/// <summary>
/// What routing knows about one request beyond its body: the task, the caller (virtual key, team, session), and
/// facts about the prompt computed once, on first use. Built only for routes: a direct model request needs none.
/// </summary>
public sealed class RoutingContext(ChatRequest request)
{
    /// <summary>Metadata key naming the task (as the x-arbiter-task header does).</summary>
    public const string TaskMetadataKey = "arbiter_task";
    /// <summary>Metadata key naming the session (for sticky A/B assignment).</summary>
    public const string SessionMetadataKey = "arbiter_session";

    private long _promptTokens = -1;
    private string? _lastUserText;

    /// <summary>The request as routing sees it: redacted when the route redacts personal data.</summary>
    public ChatRequest Request { get; internal set; } = request;
    public string? Task { get; set; }
    /// <summary>The virtual key's id; null until virtual keys exist.</summary>
    public string? KeyId { get; init; }
    public string? Team { get; init; }
    public string? SessionId { get; init; }
    /// <summary>Routes entered so far, to stop a route that leads back to itself.</summary>
    internal int Depth { get; set; }

    /// <summary>The context of a request: task and session from the headers when given, else from the request's metadata.</summary>
    public static RoutingContext For(ChatRequest request, string? taskHeader = null, string? sessionHeader = null,
        string? keyId = null, string? team = null) => new(request)
    {
        Task = NonEmpty(taskHeader) ?? Metadata(request, TaskMetadataKey),
        SessionId = NonEmpty(sessionHeader) ?? Metadata(request, SessionMetadataKey),
        KeyId = keyId,
        Team = team,
    };

    /// <summary>About four characters a token plus a few per message: close enough for routing thresholds.</summary>
    public long EstimatedPromptTokens
    {
        get
        {
            if (_promptTokens >= 0) return _promptTokens;
            long chars = 0;
            foreach (var m in Request.Messages) chars += m.AllText().Length;
            return _promptTokens = chars / 4 + 4L * Request.Messages.Count;
        }
    }

    public bool HasTools => Request.Tools is { Count: > 0 };

    public bool JsonMode => Request.ResponseFormat?.Kind is ResponseFormatKind.JsonObject or ResponseFormatKind.JsonSchema;

    public bool HasImages
    {
        get
        {
            foreach (var m in Request.Messages)
                if (m.Parts is { } parts)
                    foreach (var p in parts)
                        if (p is ImagePart) return true;
            return false;
        }
    }

    /// <summary>The text of the last user message ("" when there is none).</summary>
    public string LastUserText
    {
        get
        {
            if (_lastUserText is not null) return _lastUserText;
            var messages = Request.Messages;
            for (var i = messages.Count - 1; i >= 0; i--)
                if (messages[i].Role == ChatRole.User) return _lastUserText = messages[i].AllText();
            return _lastUserText = "";
        }
    }

    internal void Replace(ChatRequest request)
    {
        Request = request;
        _promptTokens = -1;
        _lastUserText = null;
    }

    private static string? Metadata(ChatRequest request, string key) =>
        request.Metadata is { } m && m.TryGetValue(key, out var v) ? NonEmpty(v) : null;

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
