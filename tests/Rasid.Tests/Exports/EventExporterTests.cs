using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Rasid.Dedup;
using Rasid.Storage;
using Rasid.Storage.Exports;
using static Rasid.Tests.Dedup.Events;

namespace Rasid.Tests.Exports;

public partial class EventExporterTests
{
    private static readonly string[] s_acledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting", "iso", "region",
        "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp",
    ];

    private static StoredEvent Stored(params DedupMention[] members)
    {
        var merged = EventMerger.Merge(members);
        var date = EventMerger.ParseDate(merged.Record.Date) ?? merged.EarliestPublished;
        return new StoredEvent(ContentHashing.EventIdCnty(merged.EventKey, merged.Record.Iso2, CountryTable.Default), date, 1_710_000_000, merged, members);
    }

    private static List<StoredEvent> Sample() =>
    [
        Stored(Mention("a", Clash(12), publisher: "Saba"), Mention("b", Clash(8), publisher: "Al Masdar")),
        Stored(Mention("c", Clash(null, date: null) with
        {
            EventType = "Violence against civilians",
            SubEventType = "Attack",
            Actor1 = Actor(EventMerger.UnidentifiedActor, 3),
            Actor2 = Actor("Civilians (Yemen)", 7),
            CivilianTargeting = true,
            Latitude = null,
            Longitude = null,
            Tags = ["women targeted: girls"],
        }, published: "2024-03-20")),
    ];

    private static string Export(ExportFormat format, IEnumerable<StoredEvent> events)
    {
        using var buffer = new MemoryStream();
        EventExporter.Write(format, events, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<Dictionary<string, string>> ReadCsv(string csv, out IReadOnlyList<string> headers)
    {
        using var reader = CsvReader.FromText(csv);
        headers = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                row[headers[i]] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Acled_csv_has_the_31_acled_columns_in_order()
    {
        var rows = ReadCsv(Export(ExportFormat.AcledCsv, Sample()), out var headers);
        Assert.Equal(s_acledColumns, headers);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Acled_csv_values_follow_acled_conventions()
    {
        var rows = ReadCsv(Export(ExportFormat.AcledCsv, Sample()), out _);
        var clash = rows[0];
        Assert.Matches("^YEM[0-9]{12}$", clash["event_id_cnty"]);
        Assert.Equal("2024-03-15", clash["event_date"]);
        Assert.Equal("2024", clash["year"]);
        Assert.Equal("1", clash["time_precision"]);
        Assert.Equal("Political violence", clash["disorder_type"]);
        Assert.Equal("12", clash["interaction"]);
        Assert.Equal("887", clash["iso"]);
        Assert.Equal("Middle East", clash["region"]);
        Assert.Equal("8", clash["fatalities"]);
        Assert.Equal("Saba; Al Masdar", clash["source"]);
        Assert.Equal("13.5795", clash["latitude"]);
        Assert.Equal("1710000000", clash["timestamp"]);
        Assert.Equal(string.Empty, clash["civilian_targeting"]);

        var attack = rows[1];
        Assert.Equal("Civilian targeting", attack["civilian_targeting"]);
        Assert.Equal("0", attack["fatalities"]); // null toll is written as 0
        Assert.Equal("37", attack["interaction"]);
        Assert.Equal("2024-03-20", attack["event_date"]); // no resolved date: the publication date, approximate
        Assert.Equal("3", attack["time_precision"]);
        Assert.Equal("women targeted: girls", attack["tags"]);
    }

    [Fact]
    public void Extended_csv_adds_counts_sources_and_evidence_after_the_acled_columns()
    {
        var rows = ReadCsv(Export(ExportFormat.AcledCsvExtended, Sample()), out var headers);
        Assert.Equal(s_acledColumns, headers.Take(31));
        Assert.Equal(EventExporter.ExtendedColumns, headers.Skip(31));
        Assert.Equal("b#0000", rows[0]["fatalities_source"]);
        Assert.Equal("a; b", rows[0]["document_ids"]);
        using var sources = JsonDocument.Parse(rows[0]["source_counts"]);
        Assert.Equal([12, 8], sources.RootElement.EnumerateArray().Select(s => s.GetProperty("fatalities").GetInt32()));
        using var evidence = JsonDocument.Parse(rows[0]["evidence"]);
        Assert.Equal(40, evidence.RootElement[0].GetProperty("end").GetInt32());
    }

    [Fact]
    public void Geojson_is_a_feature_collection_of_lon_lat_points_with_null_geometry_when_unplaced()
    {
        using var json = JsonDocument.Parse(Export(ExportFormat.GeoJson, Sample()));
        var root = json.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var features = root.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(2, features.Count);
        Assert.Equal("Feature", features[0].GetProperty("type").GetString());
        var geometry = features[0].GetProperty("geometry");
        Assert.Equal("Point", geometry.GetProperty("type").GetString());
        var coordinates = geometry.GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).ToList();
        Assert.Equal([44.0209, 13.5795], coordinates); // [longitude, latitude] (RFC 7946)
        Assert.Equal(8, features[0].GetProperty("properties").GetProperty("fatalities").GetInt32());
        Assert.Equal(2, features[0].GetProperty("properties").GetProperty("sources").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, features[1].GetProperty("geometry").ValueKind);
    }

    [Fact]
    public void Json_lines_write_one_parsable_event_per_line()
    {
        var lines = Export(ExportFormat.JsonLines, Sample()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("تعز", first.RootElement.GetProperty("location_ar").GetString());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(lines[1]).RootElement.GetProperty("fatalities_reported").ValueKind);
    }

    [Fact]
    public void Exports_use_the_invariant_culture_and_leak_no_bidi_controls_under_ar_sa()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                var text = Export(format, Sample());
                Assert.DoesNotContain(text, c => ControlCharacters.IsControl(c));
                Assert.Contains("2024-03-15", text, StringComparison.Ordinal);
                Assert.Contains("13.5795", text, StringComparison.Ordinal);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(1, 2, 12)] // state forces against rebels
    [InlineData(2, 7, 27)] // rebels against civilians
    [InlineData(7, 2, 27)] // smaller code first whatever the order
    [InlineData(1, 1, 11)] // state forces on both sides
    [InlineData(6, null, 60)] // protesters alone
    [InlineData(null, null, null)] // no actors
    public void Interaction_combines_inter_codes_smaller_first(int? inter1, int? inter2, int? expected) =>
        Assert.Equal(expected, AcledFields.Interaction(inter1, inter2));

    [Theory]
    [InlineData("Battles", "Armed clash", "Political violence")]
    [InlineData("Explosions/Remote violence", "Air/drone strike", "Political violence")]
    [InlineData("Violence against civilians", "Abduction/forced disappearance", "Political violence")]
    [InlineData("Protests", "Peaceful protest", "Demonstrations")]
    [InlineData("Protests", "Excessive force against protesters", "Political violence; Demonstrations")]
    [InlineData("Riots", "Violent demonstration", "Demonstrations")]
    [InlineData("Riots", "Mob violence", "Political violence")]
    [InlineData("Strategic developments", "Arrests", "Strategic developments")]
    public void Disorder_type_follows_acled(string type, string subType, string expected) =>
        Assert.Equal(expected, AcledFields.DisorderType(type, subType));

    [Fact]
    public void Country_table_maps_iso2_to_numeric_alpha3_and_region()
    {
        var table = CountryTable.Default;
        Assert.Equal(new CountryInfo("SY", "SYR", 760, "Syria", "Middle East"), table.Find("sy"));
        Assert.Equal("Northern Africa", table.Find("SD")!.Region);
        Assert.Null(table.Find("ZZ"));
    }

    [Fact]
    public void Event_ids_are_stable_and_country_prefixed()
    {
        var id = ContentHashing.EventIdCnty("doc1#0000", "IQ", CountryTable.Default);
        Assert.Equal(id, ContentHashing.EventIdCnty("doc1#0000", "IQ", CountryTable.Default));
        Assert.StartsWith("IRQ", id, StringComparison.Ordinal);
        Assert.NotEqual(id, ContentHashing.EventIdCnty("doc1#0001", "IQ", CountryTable.Default));
        Assert.StartsWith("XXX", ContentHashing.EventIdCnty("doc1#0000", null, CountryTable.Default), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_country_the_gazetteer_geocodes_to_has_an_acled_id_prefix()
    {
        using var reader = new StreamReader(Rasid.Data.DirectoryDataSource.Default().Open("gazetteer/countries.tsv"));
        var missing = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var iso2 = line.Split('\t')[0];
            if (line.StartsWith('#') || iso2 == "iso2" || iso2.Length != 2)
            {
                continue;
            }

            if (CountryTable.Default.Find(iso2) is null)
            {
                missing.Add(iso2);
            }
        }

        Assert.Empty(missing);
    }
}
