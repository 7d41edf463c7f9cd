using System.Diagnostics;
using Arbiter.Ttfc;

// Time to first streamed chunk, one request at a time per target, targets interleaved request by request.
TtfcOptions options;
try { options = TtfcOptions.Parse(args); }
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}\n{TtfcOptions.Usage}");
    return 2;
}

var body = RequestBody.Load(options.BodyFile);
var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
var probes = options.Urls.Select(u => new StreamProbe(u, body, options.Headers, timeout)).ToArray();
var results = options.Urls.Select((u, i) => new TargetResult(options.NameOf(i), u)).ToArray();
var n = probes.Length;

Console.WriteLine($"# ttfc {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} CPU(s) usable by this process, .NET {Environment.Version}");
Console.WriteLine($"# {options.Requests} requests per target after {options.Warmup} warm-up, 1 keep-alive connection each, interleaved; body {body.Length} bytes");
for (var i = 0; i < n; i++) Console.WriteLine($"#   {results[i].Name}: {results[i].Url}");

var clock = Stopwatch.StartNew();
for (var round = 0; round < options.Warmup + options.Requests; round++)
{
    // Rotate who goes first each round, so no target always follows the same one.
    for (var k = 0; k < n; k++)
    {
        var t = (round + k) % n;
        var sample = await probes[t].RunAsync();
        if (round >= options.Warmup) results[t].Add(sample);
    }
}

var rows = ResultTable.Rows(results);
Console.WriteLine($"# done in {clock.Elapsed.TotalSeconds:0.0} s; times in ms; ttfc = request sent to first data event read; total = to end of stream");
Console.Write(ResultTable.Text(rows));
foreach (var r in results)
    foreach (var (error, count) in r.ErrorKinds)
        Console.Error.WriteLine($"{r.Name}: {count} x {error}");
if (options.TsvFile is { } tsv) File.WriteAllText(tsv, ResultTable.Tsv(rows));
foreach (var p in probes) p.Dispose();
return results.Any(r => r.Errors == r.Requests) ? 1 : 0;
