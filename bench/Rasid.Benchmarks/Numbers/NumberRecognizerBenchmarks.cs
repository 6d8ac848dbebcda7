using BenchmarkDotNet.Attributes;
using Rasid.Benchmarks.Text;
using Rasid.Documents;
using Rasid.Lexicons;
using Rasid.Numbers;

namespace Rasid.Benchmarks.Numbers;

[MemoryDiagnoser]
public class NumberRecognizerBenchmarks
{
    private AnalyzedText _text = AnalyzedText.Analyze(string.Empty);
    private NumberRecognizer _numbers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = AnalyzedText.Analyze(SampleTexts.Load(5));
        _numbers = NumberRecognizer.Load(DirectoryDataSource.Default());
    }

    [Benchmark]
    public IReadOnlyList<NumberMention> Find() => _numbers.Find(_text);
}
