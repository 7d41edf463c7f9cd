using System.Globalization;

namespace Arbiter.Ttfc;

/// <summary>Command line: <c>--url URL [--url URL ...] [--name NAME ...] [--requests N] [--warmup N] [--header 'k: v'] [--tsv FILE]</c>.</summary>
public sealed record TtfcOptions
{
    public const string Usage = """
        Usage: Arbiter.Ttfc --url URL [--url URL ...] [options]
          --url URL          a chat-completions URL (repeatable; the first is the baseline)
          --name NAME        label of the URL in the same position (repeatable; default: host:port)
          --requests N       measured requests per target (default 2000)
          --warmup N         unmeasured requests per target first (default 300)
          --header 'K: V'    header sent on every request (repeatable)
          --body FILE        request JSON (default: the overhead bench's body); "stream": true is forced
          --timeout S        per-request timeout in seconds (default 10)
          --tsv FILE         also write the table as TSV
        """;

    public List<Uri> Urls { get; } = [];
    public List<string> Names { get; } = [];
    public List<KeyValuePair<string, string>> Headers { get; } = [];
    public int Requests { get; private set; } = 2000;
    public int Warmup { get; private set; } = 300;
    public string? BodyFile { get; private set; }
    public double TimeoutSeconds { get; private set; } = 10;
    public string? TsvFile { get; private set; }

    public string NameOf(int i) => i < Names.Count ? Names[i] : $"{Urls[i].Host}:{Urls[i].Port}";

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static TtfcOptions Parse(string[] args)
    {
        var o = new TtfcOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var u) || u.Scheme != Uri.UriSchemeHttp)
                        throw new ArgumentException($"--url: '{value}' is not an http:// URL");
                    o.Urls.Add(u);
                    break;
                case "--name": o.Names.Add(value); break;
                case "--header":
                    var colon = value.IndexOf(':');
                    if (colon <= 0) throw new ArgumentException($"--header: '{value}' is not 'Name: value'");
                    o.Headers.Add(new(value[..colon].Trim(), value[(colon + 1)..].Trim()));
                    break;
                case "--requests": o.Requests = PositiveInt(args[i], value); break;
                case "--warmup": o.Warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--body": o.BodyFile = value; break;
                case "--timeout": o.TimeoutSeconds = double.Parse(value, CultureInfo.InvariantCulture); break;
                case "--tsv": o.TsvFile = value; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
            i++;
        }
        if (o.Urls.Count == 0) throw new ArgumentException("give at least one --url");
        if (o.Names.Count > o.Urls.Count) throw new ArgumentException("more --name than --url");
        return o;
    }

    private static int PositiveInt(string option, string value) =>
        int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{option}: expected a positive integer, got '{value}'");
}
