using System.Text;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Tests.Places;

/// <summary>Data-driven cases from TestData/places/cases.tsv (the file says why each row exists).</summary>
public class PlaceCasesTests
{
    public static TheoryData<string, string, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "places", "cases.tsv");
        using var reader = new StreamReader(path, Encoding.UTF8);
        foreach (var row in TsvReader.Read(reader, "cases.tsv"))
        {
            data.Add(row["kind"], row["text"], row["hints"], row["target"], row["admin1"], row["location_ar"]);
        }

        return data;
    }

    [Fact]
    public void The_case_table_has_at_least_a_hundred_rows()
    {
        Assert.True(Cases().Count >= 100);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Place_case(string kind, string text, string hints, string target, string admin1, string locationAr)
    {
        var analyzed = AnalyzedText.Analyze(text);
        var hintList = hints.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var analysis = PlacesTestData.Resolver.Analyze(analyzed, hintList);
        var targetKey = ArabicNormalizer.NormalizeKey(target);
        var at = analyzed.Normalized.Text.IndexOf(targetKey, StringComparison.Ordinal);
        Assert.True(at >= 0, $"target '{target}' not in text");
        var targetSpan = new TextSpan(at, at + targetKey.Length);
        var found = string.Join("; ", analysis.Mentions.Select(m => $"{m.LocationAr}={m.Admin1Code}"));
        switch (kind)
        {
            case "mention":
                var mention = analysis.Mentions.FirstOrDefault(m => m.Span.Overlaps(targetSpan));
                Assert.True(mention is not null, $"'{target}' not resolved; found: {found}");
                Assert.Equal(admin1.Length == 0 ? null : admin1, mention.Admin1Code);
                if (locationAr.Length > 0)
                {
                    Assert.Equal(locationAr, mention.LocationAr);
                }

                break;
            case "none":
                Assert.DoesNotContain(analysis.Mentions, m => m.Span.Overlaps(targetSpan));
                break;
            case "event":
                var sentence = analyzed.Sentences.First(s => s.Span.Overlaps(targetSpan)).Span;
                var place = PlacesTestData.Locator(analyzed, analysis).LocateEvent(targetSpan, sentence);
                Assert.True(place is not null, $"no location; found: {found}");
                Assert.Equal(locationAr, place.LocationAr);
                Assert.Equal(admin1, place.Admin1Code);
                break;
            default:
                Assert.Fail("unknown kind " + kind);
                break;
        }
    }
}
