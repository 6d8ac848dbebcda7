using BenchmarkDotNet.Attributes;
using Rasid.Benchmarks.Text;
using Rasid.Text;

namespace Rasid.Benchmarks.Text;

[MemoryDiagnoser]
public class ArabicTokenizerBenchmarks
{
    private string _normalized = string.Empty;

    [Params(1, 10)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Setup() => _normalized = ArabicNormalizer.Normalize(SampleTexts.Load(Repeat)).Text;

    [Benchmark]
    public IReadOnlyList<Token> Tokenize() => ArabicTokenizer.Tokenize(_normalized);
}
