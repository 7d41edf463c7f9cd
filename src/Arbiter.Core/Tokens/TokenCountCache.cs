using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace Arbiter.Core.Tokens;

/// <summary>
/// Counts of long texts already tokenized, per tokenizer: a conversation resends its system prompt, tools and history
/// every turn, and tokenizing 3 KB costs ~90 us against ~1 us for a lookup. Bounded by the characters it holds: when
/// full it is emptied and refills (no LRU bookkeeping on the request path, no lock).
/// </summary>
internal sealed class TokenCountCache(long maxChars)
{
    private readonly ConcurrentDictionary<(Tokenizer, string), int> _counts = new();
    private long _chars;

    public int GetOrCount(Tokenizer tokenizer, string text)
    {
        if (_counts.TryGetValue((tokenizer, text), out var count)) return count;
        count = tokenizer.CountTokens(text.AsSpan());
        if (Interlocked.Add(ref _chars, text.Length) > maxChars)
        {
            _counts.Clear();
            Interlocked.Exchange(ref _chars, text.Length);
        }
        _counts.TryAdd((tokenizer, text), count);
        return count;
    }
}
