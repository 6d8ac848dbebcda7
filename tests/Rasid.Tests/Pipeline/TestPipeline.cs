using System.Text;
using Rasid.Data;
using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;

namespace Rasid.Tests.Pipeline;

/// <summary>The shipped pipeline, loaded once for all tests, and helpers to run it on short texts.</summary>
internal static class TestPipeline
{
    private static readonly Lazy<RasidPipeline> s_pipeline = new(() =>
        RasidPipeline.Create(new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data"))));

    /// <summary>Publication date of the test documents (a Sunday).</summary>
    public static readonly DateOnly Published = new(2024, 3, 10);

    public static RasidPipeline Instance => s_pipeline.Value;

    /// <summary>Extracts one document with <see cref="DocumentResult.Text"/> filled in (the --with-text semantics).</summary>
    public static DocumentResult Extract(string text, DateOnly? published = null, string? title = null, string id = "t") =>
        Instance.Extract(new SourceDocument { Id = id, Text = text, Title = title, Published = published ?? Published }, withText: true);

    /// <summary>The substring between two code-point offsets (evidence offsets count code points, not UTF-16 units).</summary>
    public static string SliceCodePoints(string text, int start, int end)
    {
        var sb = new StringBuilder();
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (index >= end)
            {
                break;
            }

            if (index >= start)
            {
                sb.Append(rune.ToString());
            }

            index++;
        }

        return sb.ToString();
    }

    /// <summary>Number of code points in <paramref name="text"/>.</summary>
    public static int CodePointCount(string text) => text.EnumerateRunes().Count();

    /// <summary>Asserts that every event's evidence offsets lie in the returned text and select exactly its evidence text.</summary>
    public static void AssertEvidenceRoundTrips(DocumentResult result)
    {
        Assert.NotNull(result.Text);
        var length = CodePointCount(result.Text);
        foreach (var e in result.Events)
        {
            Assert.NotNull(e.Evidence);
            Assert.InRange(e.Evidence.Start, 0, e.Evidence.End);
            Assert.InRange(e.Evidence.End, e.Evidence.Start, length);
            Assert.Equal(e.Evidence.Text, SliceCodePoints(result.Text, e.Evidence.Start, e.Evidence.End));
        }
    }
}
