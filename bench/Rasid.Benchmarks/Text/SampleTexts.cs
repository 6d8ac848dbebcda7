namespace Rasid.Benchmarks.Text;

/// <summary>The samples/ texts, concatenated <see cref="Repeat"/> times, for the micro-benchmarks.</summary>
public static class SampleTexts
{
    public static string Load(int repeat)
    {
        var one = string.Join("\n\n", BenchCorpus.Load([]).Select(d => d.Text));
        return string.Concat(Enumerable.Repeat(one + "\n\n", repeat));
    }
}
