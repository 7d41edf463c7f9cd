using System.Text.Json;
using Arbiter.Core.Config;

namespace Arbiter.Core.Accounting;

/// <summary>
/// The bundled price list (Accounting/prices.json, embedded): USD per million tokens and context windows for the
/// models in common use. Looked up by the provider's model id; a dated or <c>-latest</c> id resolves to its base
/// entry (gpt-4o-2024-08-06 -> gpt-4o, claude-sonnet-4-5@20250929 -> claude-sonnet-4-5). Read once, read-only.
/// </summary>
public sealed class PriceCatalog
{
    private const string ResourceName = "Arbiter.Core.Accounting.prices.json";
    private readonly Dictionary<string, CatalogEntry> _entries;
    // Longest first, so gpt-4o-mini-2024-07-18 finds gpt-4o-mini before gpt-4o.
    private readonly CatalogEntry[] _byLength;

    private static readonly Lazy<PriceCatalog> BundledCatalog = new(LoadBundled);

    public static PriceCatalog Bundled => BundledCatalog.Value;

    public PriceCatalog(IEnumerable<CatalogEntry> entries, string? asOf = null)
    {
        _entries = entries.ToDictionary(e => e.Model, StringComparer.OrdinalIgnoreCase);
        _byLength = _entries.Values.OrderByDescending(e => e.Model.Length).ToArray();
        AsOf = asOf;
    }

    /// <summary>When the prices were taken from the providers' lists (yyyy-MM).</summary>
    public string? AsOf { get; }

    public IReadOnlyCollection<CatalogEntry> Entries => _entries.Values;

    public bool TryFind(string model, out CatalogEntry entry)
    {
        var id = StripVendor(model);
        if (_entries.TryGetValue(id, out entry!)) return true;
        foreach (var candidate in _byLength)
        {
            if (id.Length > candidate.Model.Length && id.StartsWith(candidate.Model, StringComparison.OrdinalIgnoreCase)
                && IsVersionSuffix(id.AsSpan(candidate.Model.Length)))
            {
                entry = candidate;
                return true;
            }
        }
        entry = null!;
        return false;
    }

    /// <summary>openai/gpt-4o (OpenRouter), models/gemini-2.5-pro (Gemini) -> the bare id.</summary>
    private static string StripVendor(string model)
    {
        var slash = model.LastIndexOf('/');
        return slash >= 0 ? model[(slash + 1)..] : model;
    }

    // "-2024-08-06", "-20250929", "@20250514", "-001", "-latest": versions of the same model. Anything else
    // (-audio-preview, -deep-research) is a different model with its own price and must not inherit this one.
    private static bool IsVersionSuffix(ReadOnlySpan<char> suffix)
    {
        if (suffix.Length < 2 || (suffix[0] != '-' && suffix[0] != '@')) return false;
        var rest = suffix[1..];
        if (rest.SequenceEqual("latest")) return true;
        foreach (var c in rest)
            if (!char.IsAsciiDigit(c) && c != '-') return false;
        return true;
    }

    public static PriceCatalog Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var entries = new List<CatalogEntry>();
        foreach (var model in root.GetProperty("models").EnumerateObject())
        {
            var m = model.Value;
            var price = new PriceConfig
            {
                Input = OptionalDecimal(m, "input"),
                Output = OptionalDecimal(m, "output"),
                CachedInput = OptionalDecimal(m, "cached_input"),
                CacheWrite = OptionalDecimal(m, "cache_write"),
                LongContext = m.TryGetProperty("long_context", out var lc) ? new LongContextPriceConfig
                {
                    AboveInputTokens = lc.GetProperty("above_input_tokens").GetInt64(),
                    Input = OptionalDecimal(lc, "input"),
                    Output = OptionalDecimal(lc, "output"),
                    CachedInput = OptionalDecimal(lc, "cached_input"),
                    CacheWrite = OptionalDecimal(lc, "cache_write"),
                } : null,
            };
            int? window = m.TryGetProperty("context_window", out var w) ? w.GetInt32() : null;
            entries.Add(new CatalogEntry(model.Name, price, window));
        }
        return new PriceCatalog(entries, root.TryGetProperty("as_of", out var asOf) ? asOf.GetString() : null);
    }

    private static decimal? OptionalDecimal(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.GetDecimal() : null;

    private static PriceCatalog LoadBundled()
    {
        using var stream = typeof(PriceCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        return Parse(stream);
    }
}
