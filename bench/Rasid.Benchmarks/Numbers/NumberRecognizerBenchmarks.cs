using BenchmarkDotNet.Attributes;
using Rasid.Benchmarks.Text;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Numbers;
using Rasid.Text;

namespace Rasid.Benchmarks.Numbers;

[MemoryDiagnoser]
public class NumberRecognizerBenchmarks
{
    private AnalyzedText _text = AnalyzedText.Analyze(string.Empty);
    private NumberRecognizer _numbers = null!;
    private TokenRange[] _dates = [];

    [GlobalSetup]
    public void Setup()
    {
        _text = AnalyzedText.Analyze(SampleTexts.Load(5));
        _numbers = NumberRecognizer.Load(DirectoryDataSource.Default());
        _dates = DateResolver.Load(DirectoryDataSource.Default()).Find(_text, null).TokenRanges().ToArray();
    }

    [Benchmark]
    public IReadOnlyList<NumberMention> Find() => _numbers.Find(_text, _dates);
}
