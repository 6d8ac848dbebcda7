using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Storage.Sql;

/// <summary>Reading: documents, merged events (assembled from the stored merged record, not merged again), counts.</summary>
public abstract partial class SqlEventStore
{
    /// <inheritdoc />
    public IReadOnlyList<string> DocumentIds()
    {
        var ids = new List<string>();
        using (var reader = Prepared("SELECT id FROM documents").ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <inheritdoc />
    public StoredSource? ReadDocument(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        using var reader = Prepared($"SELECT {DocumentRows.Columns}, content_hash, extractor_version FROM documents WHERE id = @id", ("@id", documentId)).ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredSource(DocumentRows.Read(reader), reader.GetString(6), reader.GetString(7));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var cmd = Connection.CreateCommand();
        var where = new List<string>();
        if (query.Country is { } country)
        {
            where.Add("iso2 = @country");
            AddParameter(cmd, "@country", country.ToUpperInvariant());
        }

        if (query.Admin1 is { } admin1)
        {
            where.Add("admin1_code = @admin1");
            AddParameter(cmd, "@admin1", admin1.ToUpperInvariant());
        }

        if (query.Type is { } type)
        {
            where.Add($"({EqualsIgnoreCase("event_type", "@type")} OR {EqualsIgnoreCase("sub_event_type", "@type")})");
            AddParameter(cmd, "@type", type);
        }

        if (query.Actor is { } actor)
        {
            where.Add(ContainsIgnoreCase("actors", "@actor"));
            AddParameter(cmd, "@actor", actor);
        }

        if (query.From is { } from)
        {
            where.Add("event_date >= @from");
            AddParameter(cmd, "@from", IsoDate(from));
        }

        if (query.To is { } to)
        {
            where.Add("event_date <= @to");
            AddParameter(cmd, "@to", IsoDate(to));
        }

        cmd.CommandText = "SELECT id, event_id_cnty, event_date, updated_at, event_key, record_json, date_lo, date_hi, fatalities_source, injured_source, captured_source, released_source FROM events"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY event_date IS NULL, event_date, event_id_cnty"
            + (query.Limit is { } limit ? " LIMIT " + limit.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var rows = new List<EventRow>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var lo = EventMerger.ParseDate(NullableString(reader, 6));
                var hi = EventMerger.ParseDate(NullableString(reader, 7));
                rows.Add(new EventRow(
                    reader.GetInt64(0), reader.GetString(1), EventMerger.ParseDate(NullableString(reader, 2)), reader.GetInt64(3), reader.GetString(4),
                    Deserialize(reader.GetString(5), reader.GetString(4)),
                    lo is { } l && hi is { } h ? new DateWindow(l, h) : null,
                    new CountSources(NullableString(reader, 8), NullableString(reader, 9), NullableString(reader, 10), NullableString(reader, 11))));
            }
        }

        var result = new List<StoredEvent>(rows.Count);
        foreach (var row in rows)
        {
            // The merged record is stored: reading assembles it with its sources and members, it does not merge again.
            var members = LoadMembers(row.Id).Select(m => m.Mention).ToList();
            var sources = LoadSources(row.Id);
            var earliest = members.Where(m => m.Published is not null).Select(m => m.Published).Min();
            var merged = new MergedEvent(row.EventKey, row.Record, sources, row.CountSources, row.Window, earliest);
            result.Add(new StoredEvent(row.IdCnty, row.EventDate, row.UpdatedAt, merged, members));
        }

        return result;
    }

    /// <inheritdoc />
    public StoreCounts Counts()
    {
        using var reader = Prepared("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_sources)").ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private List<EventSource> LoadSources(long eventId)
    {
        var sources = new List<EventSource>();
        using var reader = Prepared(
            "SELECT m.mention_key, es.document_id, es.publisher, es.url, es.fatalities, es.injured, es.captured, es.released FROM event_sources es "
            + "JOIN mentions m ON m.id = es.mention_id WHERE es.event_id = @e ORDER BY m.mention_key",
            ("@e", eventId)).ExecuteReader();
        while (reader.Read())
        {
            sources.Add(new EventSource(
                reader.GetString(0), reader.GetString(1), NullableString(reader, 2), NullableString(reader, 3),
                NullableInt(reader, 4), NullableInt(reader, 5), NullableInt(reader, 6), NullableInt(reader, 7)));
        }

        return sources;
    }

    private sealed record EventRow(long Id, string IdCnty, DateOnly? EventDate, long UpdatedAt, string EventKey, EventRecord Record, DateWindow? Window, CountSources CountSources);
}
