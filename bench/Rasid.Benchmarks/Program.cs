// Throughput benchmarks in domain units (MB/s, documents/s, peak memory). See bench/README.md.
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- text [CORPUS.jsonl ...]   plain single-thread throughput
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- mentions [N] [CORPUS.jsonl ...]  numbers and dates found, for eyeballing
//   dotnet run -c Release --project bench/Rasid.Benchmarks -- [BenchmarkDotNet arguments]  micro-benchmarks
using BenchmarkDotNet.Running;
using Rasid.Benchmarks.Text;

if (args.Length > 0 && args[0] == "text")
{
    return TextThroughput.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "mentions")
{
    return MentionDump.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(TextThroughput).Assembly).Run(args);
return 0;
