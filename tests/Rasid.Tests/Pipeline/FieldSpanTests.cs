using System.Globalization;
using System.Text.Json;
using Rasid.Ingestion;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Tests.Pipeline;

/// <summary>Each actor, place, date and count of the JSON output carries the span of the words it came from (issue 12).</summary>
[Trait("Issue", "12")]
public class FieldSpanTests
{
    private static readonly string s_devRoot = Path.Combine(AppContext.BaseDirectory, "TestData", "dev");

    public static TheoryData<string> SeedIds()
    {
        var data = new TheoryData<string>();
        foreach (var line in File.ReadLines(Path.Combine(s_devRoot, "docs.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            data.Add(json.RootElement.GetProperty("id").GetString()!);
        }

        return data;
    }

    private static DocumentResult ExtractSeed(string id)
    {
        var line = File.ReadLines(Path.Combine(s_devRoot, "docs.jsonl")).First(l => l.Contains($"\"{id}\"", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var published = root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
            ? DateOnly.Parse(p.GetString()![..10], CultureInfo.InvariantCulture)
            : TestPipeline.Published;
        return TestPipeline.Instance.Extract(new SourceDocument { Id = id, Text = root.GetProperty("text").GetString()!, Published = published }, withText: true);
    }

    /// <summary>The span selects exactly its text in the returned document text (code points).</summary>
    private static string Slice(DocumentResult result, EvidenceRecord span)
    {
        Assert.InRange(span.Start, 0, span.End - 1);
        var slice = TestPipeline.SliceCodePoints(result.Text!, span.Start, span.End);
        Assert.Equal(span.Text, slice);
        return slice;
    }

    private static string Norm(string s) => ArabicNormalizer.NormalizeKey(new string(s.Where(c => char.GetUnicodeCategory(c) != UnicodeCategory.Format).ToArray()));

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void Every_span_on_the_seed_documents_points_at_the_words_of_its_field(string id)
    {
        var result = ExtractSeed(id);
        Assert.NotEmpty(result.Events);
        foreach (var e in result.Events)
        {
            foreach (var actor in new[] { e.Actor1, e.Actor2 }.Concat(e.AssocActor1).Concat(e.AssocActor2).OfType<ActorRecord>())
            {
                if (actor.Inferred)
                {
                    Assert.Null(actor.Span);
                    continue;
                }

                var span = Assert.IsType<EvidenceRecord>(actor.Span);
                Assert.Equal(Norm(actor.Mention!), Norm(Slice(result, span)));
            }

            if (e.Spans?.Location is { } place)
            {
                Assert.Contains(Norm(e.LocationAr!), Norm(Slice(result, place)), StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("location", e.Inferred ?? []);
            }

            if (e.DateText is not null)
            {
                Assert.Equal(Norm(e.DateText), Norm(Slice(result, e.Spans!.Date!)));
            }
            else if (e.Date is not null)
            {
                Assert.Contains("date", e.Inferred ?? []);
                Assert.Null(e.Spans?.Date);
            }

            foreach (var (count, span) in new[] { (e.Fatalities, e.Spans?.Fatalities), (e.Injured, e.Spans?.Injured), (e.Captured, e.Spans?.Captured), (e.Released, e.Spans?.Released) })
            {
                Assert.Equal(count is null, span is null);
                if (span is not null)
                {
                    Slice(result, span);
                }
            }
        }
    }

    [Fact]
    public void Seed_spans_cover_the_figures_and_aliases_they_were_read_from()
    {
        // Sample 004: "أسر 12" is the captured count, "أمس" the clash's date, "الزاهر" its place.
        var result = ExtractSeed("004_3130e51cbb3e4892");
        var e = result.Events.First(x => x.Captured is not null);
        Assert.Contains("12", e.Spans!.Captured!.Text, StringComparison.Ordinal);
        Assert.Contains("أسر", e.Spans.Captured.Text, StringComparison.Ordinal);
        Assert.Equal("أمس", e.Spans.Date!.Text);
        Assert.Equal("الزاهر", e.Spans.Location!.Text);
        Assert.Contains("المقاومة", e.Actor1!.Span!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_of_one_sentence_that_add_up_share_one_span_from_the_first_to_the_last()
    {
        var e = Assert.Single(TestPipeline.Extract("قتل 39 متمردا و17 جنديا في اشتباكات عنيفة في مدينة عتق بمحافظة شبوة أمس.").Events);

        Assert.Equal(56, e.Fatalities);
        Assert.Contains("39", e.Spans!.Fatalities!.Text, StringComparison.Ordinal);
        Assert.Contains("17", e.Spans.Fatalities.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unnamed_perpetrator_is_inferred_and_has_no_span()
    {
        var result = TestPipeline.Extract("انفجرت عبوة ناسفة في سوق مدينة عتق بمحافظة شبوة أمس، ما أدى إلى مقتل ثلاثة مدنيين.");
        var e = Assert.Single(result.Events);

        Assert.StartsWith("Unidentified Armed Group", e.Actor1!.Name, StringComparison.Ordinal);
        Assert.True(e.Actor1.Inferred);
        Assert.Null(e.Actor1.Span);
        Assert.Contains("actor1", e.Inferred!);
        Assert.Contains("ثلاثة", e.Spans!.Fatalities!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_taken_from_the_publication_date_is_marked_inferred_in_json()
    {
        var result = TestPipeline.Extract("شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة.");
        var e = Assert.Single(result.Events);
        Assert.Equal("2024-03-10", e.Date);

        using var json = JsonDocument.Parse(RasidJson.ToJsonLine(result));
        var ev = json.RootElement.GetProperty("events")[0];
        Assert.Equal("date", ev.GetProperty("inferred")[0].GetString());
        Assert.False(ev.GetProperty("spans").TryGetProperty("date", out _));
        Assert.True(ev.GetProperty("actor1").TryGetProperty("span", out var span));
        Assert.Equal("طيران التحالف", span.GetProperty("text").GetString());
        Assert.False(ev.GetProperty("actor1").TryGetProperty("inferred", out _));
    }

    [Fact]
    public void Explain_says_where_each_field_was_read_or_why_it_was_inferred()
    {
        var lines = new List<string>();
        TestPipeline.Instance.Extract(
            new SourceDocument { Id = "t", Text = "انفجرت عبوة ناسفة في سوق مدينة عتق بمحافظة شبوة أمس، ما أدى إلى مقتل ثلاثة مدنيين.", Published = TestPipeline.Published },
            trace: lines.Add);

        var fields = lines.Where(l => l.StartsWith("fields: event 1", StringComparison.Ordinal)).ToList();
        Assert.Contains(fields, l => l.Contains("actor1 Unidentified Armed Group (Yemen) inferred", StringComparison.Ordinal));
        Assert.Contains(fields, l => l.Contains("date 2024-03-09 «أمس»", StringComparison.Ordinal) && l.Contains("in the event's sentence", StringComparison.Ordinal));
        Assert.Contains(fields, l => l.Contains("location Ataq «عتق»", StringComparison.Ordinal));
        Assert.Contains(fields, l => l.Contains("fatalities 3", StringComparison.Ordinal));
    }
}
