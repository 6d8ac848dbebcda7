using System.Text.Json;
using Rasid.Ingestion;
using Rasid.Records;
using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Records;

public class RasidJsonTests
{
    public static TheoryData<string> Samples() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_generated_writer_gives_the_bytes_of_the_reflection_serialiser_on_the_samples(string sample)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", sample));
        var document = new SourceDocument { Id = sample, Text = text, Title = "عنوان \"مقتبس\"", Url = "https://example.org/a?b=1&c=<2>", Publisher = "Rasid", Published = TestPipeline.Published };
        foreach (var withText in new[] { false, true })
        {
            var result = TestPipeline.Instance.Extract(document, withText);
            Assert.NotEmpty(result.Events);
            Assert.Equal(JsonSerializer.Serialize(result, RasidJson.Options), RasidJson.ToJsonLine(result));
            Assert.All(result.Events, e => Assert.Equal(JsonSerializer.Serialize(e, RasidJson.Options), RasidJson.ToJson(e)));
        }
    }

    [Fact]
    public void Null_empty_and_filled_fields_are_written_as_the_reflection_serialiser_writes_them()
    {
        // Given every optional field both missing and filled, with characters JSON must escape
        var span = new EvidenceRecord { Start = 1, End = 4, Text = "ab\"c\\\n\u0001😀" };
        var full = new EventRecord
        {
            EventType = "Battles", SubEventType = "Armed clash", Date = "2024-03-09", DatePrecision = 1, DateText = "أمس",
            Actor1 = new ActorRecord { Name = "A", NameAr = "أ", Inter = 1, Mention = "م", Span = span, Inferred = true },
            AssocActor1 = [new ActorRecord { Name = "B", Inter = 2 }], Actor2 = null, AssocActor2 = [],
            Country = "Yemen", Iso2 = "YE", Admin1 = "Al Bayda", Admin1Code = "YE-BA", Admin2 = "x", Admin3 = null, Location = "L", LocationAr = "ل",
            Latitude = 14.123456789, Longitude = -0.1, GeoPrecision = 2, Fatalities = 0, Injured = null, Captured = 3, Released = int.MaxValue,
            CivilianTargeting = true, Tags = ["a", "ب"], Notes = "<b>&'", Evidence = span, Trigger = "قصف",
            Spans = new FieldSpans { Location = span, Date = null, Fatalities = span }, Inferred = ["actor2"],
        };
        var bare = new EventRecord { EventType = "Riots", SubEventType = "Mob violence", Evidence = new EvidenceRecord() };
        foreach (var result in new[]
        {
            new DocumentResult { DocId = "1", Events = [full, bare], Relevant = true, RelevanceScore = 0.55, Text = "t", Title = "", Url = "u", Publisher = "p", Published = "2024-03-10" },
            new DocumentResult { DocId = "\u2028", RelevanceScore = 1e-7 },
        })
        {
            // Then the generated writer and the reflection serialiser agree byte for byte
            Assert.Equal(JsonSerializer.Serialize(result, RasidJson.Options), RasidJson.ToJsonLine(result));
        }

        // So do the records alone, as the stores write them (record_json).
        Assert.Equal(JsonSerializer.Serialize(full, RasidJson.Options), RasidJson.ToJson(full));
        Assert.Equal(JsonSerializer.Serialize(bare, RasidJson.Options), RasidJson.ToJson(bare));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_generated_reader_reads_a_line_as_the_reflection_serialiser_reads_it(string sample)
    {
        // Given a sample's result line, with its text and every record field the pipeline fills
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", sample));
        var document = new SourceDocument { Id = sample, Text = text, Title = "t", Url = "u", Publisher = "p", Published = TestPipeline.Published };
        var line = RasidJson.ToJsonLine(TestPipeline.Instance.Extract(document, withText: true));

        // When it is read back by the generated reader (what the native CLI and the stores use) and by reflection
        var generated = RasidJson.ReadDocumentResult(line)!;
        var reflected = JsonSerializer.Deserialize<DocumentResult>(line, RasidJson.Options)!;

        // Then both give the same result, which writes the same line again
        Assert.Equal(RasidJson.ToJsonLine(reflected), RasidJson.ToJsonLine(generated));
        Assert.Equal(line, RasidJson.ToJsonLine(generated));
        Assert.NotEmpty(generated.Events);
        Assert.All(generated.Events, e => Assert.Equal(RasidJson.ToJson(e), RasidJson.ToJson(RasidJson.ReadEventRecord(RasidJson.ToJson(e))!)));
    }

    [Fact]
    public void The_generated_reader_keeps_missing_fields_at_their_defaults_and_rejects_what_is_not_json()
    {
        const string Bare = """{"event_type":"Riots","sub_event_type":"Mob violence","evidence":{"start":3}}""";
        var bare = RasidJson.ReadEventRecord(Bare)!;
        Assert.Equal("Riots", bare.EventType);
        Assert.Equal(3, bare.Evidence.Start);
        Assert.Equal(RasidJson.ToJson(JsonSerializer.Deserialize<EventRecord>(Bare, RasidJson.Options)!), RasidJson.ToJson(bare));
        Assert.Empty(bare.AssocActor1);
        Assert.Empty(bare.Tags);
        const string BareDocument = """{"doc_id":"d","events":[{"event_type":"Riots","sub_event_type":"Mob violence","evidence":{},"tags":["x"]}]}""";
        Assert.Equal(RasidJson.ToJsonLine(JsonSerializer.Deserialize<DocumentResult>(BareDocument, RasidJson.Options)!), RasidJson.ToJsonLine(RasidJson.ReadDocumentResult(BareDocument)!));
        Assert.Empty(RasidJson.ReadDocumentResult("""{"doc_id":"d"}""")!.Events);
        Assert.Null(RasidJson.ReadDocumentResult("null"));

        // A required field missing, a truncated line or the wrong shape: a JsonException, as from the reflection serialiser
        const string NoEvidence = """{"event_type":"Riots","sub_event_type":"Mob violence"}""";
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<EventRecord>(NoEvidence, RasidJson.Options));
        Assert.ThrowsAny<JsonException>(() => RasidJson.ReadEventRecord(NoEvidence));
        Assert.ThrowsAny<JsonException>(() => RasidJson.ReadDocumentResult("{\"doc_id\": \"1"));
        Assert.ThrowsAny<JsonException>(() => RasidJson.ReadEventRecord("[1]"));
    }
}
