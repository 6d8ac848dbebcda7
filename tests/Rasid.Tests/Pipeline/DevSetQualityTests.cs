using System.Text.Json;
using Rasid.Evaluation;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Tests.Pipeline;

/// <summary>
/// Quality floors of the whole pipeline on the five seed documents (TestData/dev, same as samples/) scored with
/// <see cref="EventScorer"/> against their gold files. These are regression floors, not targets.
/// </summary>
public class DevSetQualityTests
{
    /// <summary>Detection F1 must not fall below this (raise it as the extractor improves).</summary>
    private const double DetectionF1Floor = 0.85;

    private static readonly string s_devRoot = Path.Combine(AppContext.BaseDirectory, "TestData", "dev");

    private static readonly Lazy<IReadOnlyList<SourceDocument>> s_documents = new(LoadDocuments);

    private static readonly Lazy<IReadOnlyDictionary<string, DocumentResult>> s_results = new(() =>
        s_documents.Value.ToDictionary(d => d.Id, d => TestPipeline.Instance.Extract(d, withText: true), StringComparer.Ordinal));

    private static IReadOnlyList<SourceDocument> LoadDocuments()
    {
        var docs = new List<SourceDocument>();
        foreach (var line in File.ReadLines(Path.Combine(s_devRoot, "docs.jsonl")).Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            DateOnly? published = root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String
                ? DateOnly.Parse(p.GetString()![..10], System.Globalization.CultureInfo.InvariantCulture)
                : null;
            docs.Add(new SourceDocument
            {
                Id = root.GetProperty("id").GetString()!,
                Text = root.GetProperty("text").GetString()!,
                Title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null,
                Published = published,
            });
        }

        return docs;
    }

    private static IReadOnlyList<GoldDocument> LoadGold() =>
        Directory.GetFiles(Path.Combine(s_devRoot, "gold"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => GoldDocument.Parse(File.ReadAllText(f))).ToList();

    [Fact]
    public void The_dev_set_has_five_documents_each_with_a_gold_file()
    {
        var gold = LoadGold();

        Assert.Equal(5, s_documents.Value.Count);
        Assert.Equal(s_documents.Value.Select(d => d.Id).Order(StringComparer.Ordinal), gold.Select(g => g.DocId));
    }

    [Fact]
    public void Detection_F1_on_the_dev_set_stays_above_the_floor()
    {
        var report = EventScorer.Score(LoadGold(), s_results.Value);

        Assert.True(
            report.Detection.F1 >= DetectionF1Floor,
            $"detection F1 {report.Detection.F1:F3} < {DetectionF1Floor:F2} (TP {report.Detection.TruePositives}, FP {report.Detection.FalsePositives}, FN {report.Detection.FalseNegatives})");
    }

    [Fact]
    public void No_event_of_document_002_comes_from_its_related_articles_list()
    {
        // Given the headlines listed after "مقالات ذات صلة" (several of them report violence of their own)
        var document = s_documents.Value.Single(d => d.Id.StartsWith("002_", StringComparison.Ordinal));
        var marker = document.Text.IndexOf("مقالات ذات صلة", StringComparison.Ordinal);
        Assert.True(marker >= 0, "document 002 no longer has its related-articles list");
        var headlines = document.Text[(marker + "مقالات ذات صلة".Length)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(h => h.Length >= 15)
            .ToList();
        Assert.True(headlines.Count >= 5, "expected the related-articles headlines");

        // When
        var result = s_results.Value[document.Id];

        // Then the list is cleaned away and no evidence quotes any of it
        Assert.NotNull(result.Text);
        foreach (var headline in headlines)
        {
            Assert.DoesNotContain(headline, result.Text, StringComparison.Ordinal);
            Assert.All(result.Events, e => Assert.DoesNotContain(headline, e.Evidence.Text ?? string.Empty, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_dev_event_has_an_evidence_span_that_round_trips_on_the_returned_text()
    {
        Assert.NotEmpty(s_results.Value.Values.SelectMany(r => r.Events));
        Assert.All(s_results.Value.Values, TestPipeline.AssertEvidenceRoundTrips);
    }
}
