namespace Arbiter.Ttfc;

/// <summary>The samples of one target and their summary.</summary>
public sealed class TargetResult(string name, Uri url)
{
    private readonly List<long> _firstChunk = [];
    private readonly List<long> _total = [];
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);

    public string Name => name;
    public Uri Url => url;
    public int Requests { get; private set; }
    public int Errors { get; private set; }
    public IReadOnlyDictionary<string, int> ErrorKinds => _errors;

    public void Add(Sample s)
    {
        Requests++;
        if (s.Ok)
        {
            _firstChunk.Add(s.FirstChunkTicks);
            _total.Add(s.TotalTicks);
            return;
        }
        Errors++;
        _errors[s.Error!] = _errors.GetValueOrDefault(s.Error!) + 1;
    }

    public double FirstChunkMs(double p) => Percentiles.Ms(Sorted(_firstChunk), p);
    public double TotalMs(double p) => Percentiles.Ms(Sorted(_total), p);

    private static List<long> Sorted(List<long> ticks)
    {
        ticks.Sort();
        return ticks;
    }
}
