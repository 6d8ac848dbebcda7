using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using Rasid.Dedup;

namespace Rasid.Storage.Exports;

/// <summary>Export formats of `rasid export`.</summary>
public enum ExportFormat
{
    /// <summary>ACLED's 31 CSV columns, in order.</summary>
    AcledCsv,

    /// <summary>The 31 columns plus injured, captured, released, count provenance, per-source counts, evidence and document ids.</summary>
    AcledCsvExtended,

    /// <summary>RFC 7946 FeatureCollection of points; events without coordinates are kept with a null geometry.</summary>
    GeoJson,

    /// <summary>One merged event per line with every field and every source.</summary>
    JsonLines,
}

/// <summary>Writes stored events in the export formats. Text goes through CsvHelper and Utf8JsonWriter, never concatenation.</summary>
public static class EventExporter
{
    /// <summary>Extra columns of the extended CSV, after the 31 ACLED columns.</summary>
    public static IReadOnlyList<string> ExtendedColumns { get; } =
    [
        "injured", "captured", "released", "fatalities_source", "injured_source", "captured_source", "released_source",
        "source_counts", "evidence", "document_ids", "urls", "sub_event_types", "location_ar", "admin1_code",
    ];

    // ACLED columns that hold numbers: written as JSON numbers (not strings) in GeoJSON and JSON Lines.
    private static readonly HashSet<string> s_numericColumns = new(StringComparer.Ordinal)
    {
        "year", "time_precision", "inter1", "inter2", "interaction", "iso", "latitude", "longitude", "geo_precision", "fatalities", "timestamp",
    };

    private static readonly JsonWriterOptions s_jsonOptions = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>Parses a format name: acled-csv, acled-csv-extended, geojson, jsonl; null when unknown.</summary>
    public static ExportFormat? ParseFormat(string? name) => name switch
    {
        "acled-csv" => ExportFormat.AcledCsv,
        "acled-csv-extended" => ExportFormat.AcledCsvExtended,
        "geojson" => ExportFormat.GeoJson,
        "jsonl" => ExportFormat.JsonLines,
        _ => null,
    };

    /// <summary>Writes <paramref name="events"/> to <paramref name="output"/> (UTF-8, no BOM) in <paramref name="format"/>.</summary>
    public static void Write(ExportFormat format, IEnumerable<StoredEvent> events, Stream output, CountryTable? countries = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(output);
        countries ??= CountryTable.Default;
        switch (format)
        {
            case ExportFormat.AcledCsv:
            case ExportFormat.AcledCsvExtended:
                WriteCsv(events, output, countries, format == ExportFormat.AcledCsvExtended);
                break;
            case ExportFormat.GeoJson:
                WriteGeoJson(events, output, countries);
                break;
            case ExportFormat.JsonLines:
                WriteJsonLines(events, output, countries);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format");
        }
    }

    /// <summary>The 31 ACLED values of one event, in column order (as strings, invariant culture).</summary>
    public static IReadOnlyList<string> AcledValues(StoredEvent stored, CountryTable countries)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(countries);
        var r = stored.Event.Record;
        var country = countries.Find(r.Iso2);
        var timePrecision = r.Date is not null ? r.DatePrecision ?? 1 : (stored.EventDate is null ? (int?)null : 3);
        var publishers = stored.Event.Sources.Select(s => s.Publisher).Where(p => !string.IsNullOrWhiteSpace(p))
            .Distinct(StringComparer.Ordinal);
        return
        [
            stored.EventIdCnty,
            AcledFields.Date(stored.EventDate),
            stored.EventDate?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            AcledFields.Number(timePrecision),
            AcledFields.DisorderType(r.EventType, r.SubEventType),
            r.EventType,
            r.SubEventType,
            r.Actor1?.Name ?? string.Empty,
            AcledFields.JoinActors(r.AssocActor1),
            AcledFields.Number(r.Actor1?.Inter),
            r.Actor2?.Name ?? string.Empty,
            AcledFields.JoinActors(r.AssocActor2),
            AcledFields.Number(r.Actor2?.Inter),
            AcledFields.Number(AcledFields.Interaction(r.Actor1?.Inter, r.Actor2?.Inter)),
            r.CivilianTargeting ? "Civilian targeting" : string.Empty,
            AcledFields.Number(country?.Numeric),
            country?.Region ?? string.Empty,
            country?.Name ?? r.Country ?? string.Empty,
            r.Admin1 ?? string.Empty,
            r.Admin2 ?? string.Empty,
            r.Admin3 ?? string.Empty,
            r.Location ?? r.LocationAr ?? string.Empty,
            AcledFields.Number(r.Latitude),
            AcledFields.Number(r.Longitude),
            AcledFields.Number(r.GeoPrecision),
            string.Join("; ", publishers),
            string.Empty,
            r.Notes ?? string.Empty,
            AcledFields.Number(r.Fatalities ?? 0),
            string.Join("; ", r.Tags),
            AcledFields.Number(stored.Timestamp),
        ];
    }

    /// <summary>
    /// A CSV cell made safe to open in a spreadsheet (OWASP, CSV injection): a cell beginning with = + - @, a tab or a
    /// carriage return gets a leading apostrophe, so it is shown as text and never run as a formula. Numbers ("-12.5")
    /// are left as they are.
    /// </summary>
    public static string NeutralizeFormula(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0 || cell[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return cell;
        }

        return double.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? cell
            : "'" + cell;
    }

    private static void WriteCsv(IEnumerable<StoredEvent> events, Stream output, CountryTable countries, bool extended)
    {
        // RFC 4180 (CRLF, quotes only when needed), UTF-8 without a byte order mark.
        using var csv = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        csv.WriteRecord(AcledFields.Columns.Concat(extended ? ExtendedColumns : []).ToArray());
        foreach (var e in events)
        {
            var row = new List<string>(AcledValues(e, countries));
            if (extended)
            {
                var r = e.Event.Record;
                var c = e.Event.CountSources;
                row.Add(AcledFields.Number(r.Injured));
                row.Add(AcledFields.Number(r.Captured));
                row.Add(AcledFields.Number(r.Released));
                row.Add(c.Fatalities ?? string.Empty);
                row.Add(c.Injured ?? string.Empty);
                row.Add(c.Captured ?? string.Empty);
                row.Add(c.Released ?? string.Empty);
                row.Add(Json(w => WriteSources(w, e.Event.Sources)));
                row.Add(Json(w => WriteEvidence(w, e.Members)));
                row.Add(string.Join("; ", e.Event.Sources.Select(s => s.DocumentId).Distinct(StringComparer.Ordinal)));
                row.Add(string.Join("; ", e.Event.Sources.Select(s => s.Url).Where(u => u is not null).Distinct(StringComparer.Ordinal)));
                row.Add(string.Join("; ", e.Members.Select(m => m.Record.SubEventType).Distinct(StringComparer.Ordinal)));
                row.Add(r.LocationAr ?? string.Empty);
                row.Add(r.Admin1Code ?? string.Empty);
            }

            csv.WriteRecord([.. row.Select(NeutralizeFormula)]);
        }

        csv.Flush();
    }

    private static void WriteGeoJson(IEnumerable<StoredEvent> events, Stream output, CountryTable countries)
    {
        using var w = new Utf8JsonWriter(output, s_jsonOptions);
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var e in events)
        {
            var r = e.Event.Record;
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteString("id", e.EventIdCnty);
            if (r.Latitude is { } lat && r.Longitude is { } lon)
            {
                w.WriteStartObject("geometry");
                w.WriteString("type", "Point");
                w.WriteStartArray("coordinates");
                w.WriteNumberValue(lon);
                w.WriteNumberValue(lat);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("geometry");
            }

            w.WritePropertyName("properties");
            WriteEventObject(w, e, countries);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteJsonLines(IEnumerable<StoredEvent> events, Stream output, CountryTable countries)
    {
        foreach (var e in events)
        {
            using (var w = new Utf8JsonWriter(output, s_jsonOptions))
            {
                WriteEventObject(w, e, countries);
            }

            output.WriteByte((byte)'\n');
        }
    }

    private static void WriteEventObject(Utf8JsonWriter w, StoredEvent e, CountryTable countries)
    {
        var values = AcledValues(e, countries);
        var r = e.Event.Record;
        w.WriteStartObject();
        for (var i = 0; i < AcledFields.Columns.Count; i++)
        {
            var name = AcledFields.Columns[i];
            switch (name)
            {
                case "latitude" or "longitude" when (name == "latitude" ? r.Latitude : r.Longitude) is { } v:
                    w.WriteNumber(name, v);
                    break;
                case "fatalities":
                    w.WriteNumber(name, r.Fatalities ?? 0);
                    break;
                case "timestamp":
                    w.WriteNumber(name, e.Timestamp);
                    break;
                case var _ when s_numericColumns.Contains(name) && long.TryParse(values[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    w.WriteNumber(name, number);
                    break;
                default:
                    if (values[i].Length == 0)
                    {
                        w.WriteNull(name);
                    }
                    else
                    {
                        w.WriteString(name, values[i]);
                    }

                    break;
            }
        }

        WriteNullableNumber(w, "fatalities_reported", r.Fatalities);
        WriteNullableNumber(w, "injured", r.Injured);
        WriteNullableNumber(w, "captured", r.Captured);
        WriteNullableNumber(w, "released", r.Released);
        w.WriteString("admin1_code", r.Admin1Code);
        w.WriteString("location_ar", r.LocationAr);
        w.WriteString("date_text", r.DateText);
        w.WriteStartObject("count_sources");
        w.WriteString("fatalities", e.Event.CountSources.Fatalities);
        w.WriteString("injured", e.Event.CountSources.Injured);
        w.WriteString("captured", e.Event.CountSources.Captured);
        w.WriteString("released", e.Event.CountSources.Released);
        w.WriteEndObject();
        w.WritePropertyName("sources");
        WriteSources(w, e.Event.Sources);
        w.WritePropertyName("evidence");
        WriteEvidence(w, e.Members);
        w.WriteEndObject();
    }

    private static void WriteSources(Utf8JsonWriter w, IReadOnlyList<EventSource> sources)
    {
        w.WriteStartArray();
        foreach (var s in sources)
        {
            w.WriteStartObject();
            w.WriteString("mention", s.MentionKey);
            w.WriteString("document_id", s.DocumentId);
            w.WriteString("publisher", s.Publisher);
            w.WriteString("url", s.Url);
            WriteNullableNumber(w, "fatalities", s.Fatalities);
            WriteNullableNumber(w, "injured", s.Injured);
            WriteNullableNumber(w, "captured", s.Captured);
            WriteNullableNumber(w, "released", s.Released);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteEvidence(Utf8JsonWriter w, IReadOnlyList<DedupMention> members)
    {
        w.WriteStartArray();
        foreach (var m in members)
        {
            w.WriteStartObject();
            w.WriteString("document_id", m.DocumentId);
            w.WriteNumber("start", m.Record.Evidence.Start);
            w.WriteNumber("end", m.Record.Evidence.End);
            w.WriteString("text", m.Record.Evidence.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteNullableNumber(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, s_jsonOptions))
        {
            write(w);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
