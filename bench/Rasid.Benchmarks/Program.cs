// Throughput benchmarks in domain units (MB/s, documents/s, peak memory). See bench/README.md.
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- text [CORPUS.jsonl ...]       plain single-thread throughput
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- mentions [N] [CORPUS.jsonl ...] numbers and dates found, for eyeballing
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- extract [CORPUS.jsonl ...]    whole extraction: load time, docs/s, MB/s, stages
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- startup [--loaders] [FILE.txt]  where a start-up goes (publish it ReadyToRun: README)
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- places [FILE.txt ...]          gazetteer load and place recognition
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- sizes [MB ...]                 one-line documents of growing size: parse + extract time
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- fuzz [N] [SEED] [MAXLINE]             N random and mutated inputs through parse + extract
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- serve [--events N] [--db FILE]  rasid serve API latency (p50/p95)
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- --filter '*'                   BenchmarkDotNet micro-benchmarks
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Rasid.Benchmarks.Pipeline;
using Rasid.Benchmarks.Places;
using Rasid.Benchmarks.Text;

if (args.Length > 0 && args[0] == "text")
{
    return TextThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "extract")
{
    return ExtractThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "startup")
{
    return StartupSplit.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "places")
{
    return PlacesBenchmark.Run(args[1..], Console.Out);
}

if (args.Length > 0 && args[0] == "sizes")
{
    return Rasid.Benchmarks.Ingestion.SizeScaling.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "fuzz")
{
    return Rasid.Benchmarks.Ingestion.FuzzRun.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "serve")
{
    return await Rasid.Benchmarks.Web.ServeLatency.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "mentions")
{
    return MentionDump.Run(args[1..]);
}

// One short in-process job: the machine is small and shared, and each operation is a whole corpus pass, so the
// Monitoring strategy (one invocation per iteration, no pilot stage) keeps a full run near a minute.
var job = Job.Default
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(2)
    .WithIterationCount(10)
    .WithToolchain(InProcessEmitToolchain.Instance);
BenchmarkSwitcher.FromAssembly(typeof(TextThroughput).Assembly).Run(args, DefaultConfig.Instance.AddJob(job));
return 0;
