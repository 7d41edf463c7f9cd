namespace Arbiter.Core.RequestLog.Packing;

/// <summary>
/// The strings that recur across records (model, provider, route, tier, key and team names, routing decisions), kept
/// so that unpacking a record does not allocate them again. Bounded: past <see cref="MaxEntries"/> distinct names, or
/// for a long one, a new string is made each time. Used by one reader at a time.
/// </summary>
internal sealed class StringCache
{
    internal const int MaxEntries = 4096;
    private const int MaxLength = 256;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _strings.Count;

    /// <summary>The cached string equal to <paramref name="chars"/>, or null: nothing is added.</summary>
    public string? Find(ReadOnlySpan<char> chars) => _lookup.TryGetValue(chars, out var known) ? known : null;

    public string Get(ReadOnlySpan<char> chars)
    {
        if (_lookup.TryGetValue(chars, out var known)) return known;
        var made = new string(chars);
        if (_strings.Count < MaxEntries && chars.Length <= MaxLength) _strings[made] = made;
        return made;
    }
}
