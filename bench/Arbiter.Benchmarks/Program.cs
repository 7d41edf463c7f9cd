using Arbiter.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Arbiter.Benchmarks -- --filter '*'   (--job short for a quick pass, --join for one table)
// Artifacts go beside this project rather than into whatever directory the command ran from (--artifacts overrides).
var config = DefaultConfig.Instance;
if (ProjectDirectory.Find() is { } dir) config = config.WithArtifactsPath(Path.Combine(dir, "BenchmarkDotNet.Artifacts"));
BenchmarkSwitcher.FromAssembly(typeof(BodyKind).Assembly).Run(args, config);
