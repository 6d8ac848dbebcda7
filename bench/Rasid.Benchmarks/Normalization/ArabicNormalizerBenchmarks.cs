using BenchmarkDotNet.Attributes;
using Rasid.Benchmarks.Text;
using Rasid.Normalization;

namespace Rasid.Benchmarks.Normalization;

[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class ArabicNormalizerBenchmarks
{
    private string _text = string.Empty;

    [Params(1, 20)]
    public int Repeat { get; set; }

    [GlobalSetup]
    public void Setup() => _text = SampleTexts.Load(Repeat);

    [Benchmark]
    public NormalizedText Normalize() => ArabicNormalizer.Normalize(_text);
}
