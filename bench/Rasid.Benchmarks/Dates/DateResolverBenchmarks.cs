using BenchmarkDotNet.Attributes;
using Rasid.Benchmarks.Text;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Text;

namespace Rasid.Benchmarks.Dates;

[MemoryDiagnoser]
public class DateResolverBenchmarks
{
    private AnalyzedText _text = AnalyzedText.Analyze(string.Empty);
    private DateResolver _dates = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = AnalyzedText.Analyze(SampleTexts.Load(5));
        _dates = DateResolver.Load(DirectoryDataSource.Default());
    }

    [Benchmark]
    public IReadOnlyList<DateMention> Find() => _dates.Find(_text, new DateOnly(2022, 5, 11));
}
