using BenchmarkDotNet.Attributes;
using Rasid.Benchmarks.Text;
using Rasid.Text;

namespace Rasid.Benchmarks.Text;

[MemoryDiagnoser]
public class ArabicNormalizerBenchmarks
{
    private string _text = string.Empty;

    [Params(1, 10)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Setup() => _text = SampleTexts.Load(Repeat);

    [Benchmark]
    public NormalizedText Normalize() => ArabicNormalizer.Normalize(_text);
}
