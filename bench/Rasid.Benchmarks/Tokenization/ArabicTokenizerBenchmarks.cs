using BenchmarkDotNet.Attributes;
using Rasid.Benchmarks.Text;
using Rasid.Normalization;
using Rasid.Tokenization;

namespace Rasid.Benchmarks.Tokenization;

[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ArabicTokenizerBenchmarks
{
    private string _normalized = string.Empty;

    [Params(1, 20)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Setup() => _normalized = ArabicNormalizer.Normalize(SampleTexts.Load(Repeat)).Text;

    [Benchmark]
    public IReadOnlyList<Token> Tokenize() => ArabicTokenizer.Tokenize(_normalized);
}
