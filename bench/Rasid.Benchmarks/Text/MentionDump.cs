using System.Globalization;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Numbers;
using Rasid.Text;

namespace Rasid.Benchmarks.Text;

/// <summary>Prints the numbers and dates found in each document (for eyeballing quality on a real corpus).</summary>
public static class MentionDump
{
    public static int Run(IReadOnlyList<string> args)
    {
        var limit = args.Count > 0 && int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 20;
        var docs = BenchCorpus.Load(args.Skip(args.Count > 0 && args[0].All(char.IsAsciiDigit) ? 1 : 0).ToList());
        var data = DirectoryDataSource.Default();
        var numbers = NumberRecognizer.Load(data);
        var dates = DateResolver.Load(data);
        foreach (var doc in docs.Take(limit))
        {
            var a = AnalyzedText.Analyze(doc.Text);
            Console.WriteLine($"--- {doc.Id} published {doc.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}");
            foreach (var m in numbers.Find(a, dates.Find(a, null).TokenRanges()))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  N {m.Value,8} {m.Kind,-7} «{Surface(a, m.Span)}»  …{Context(a, m.Span)}…"));
            }

            foreach (var m in dates.Find(a, doc.Published))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  D {m.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null"} p{m.Precision} «{Surface(a, m.Span)}»  …{Context(a, m.Span)}…"));
            }
        }

        return 0;
    }

    private static string Surface(AnalyzedText a, TextSpan span)
    {
        var o = a.Normalized.ToOriginal(span);
        return a.Original[o.Start..o.End];
    }

    private static string Context(AnalyzedText a, TextSpan span)
    {
        var o = a.Normalized.ToOriginal(span);
        var start = Math.Max(0, o.Start - 25);
        var end = Math.Min(a.Original.Length, o.End + 25);
        return a.Original[start..end].ReplaceLineEndings(" ");
    }
}
