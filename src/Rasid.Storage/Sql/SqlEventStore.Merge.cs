using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Storage.Sql;

/// <summary>The <see cref="IMergeStore"/> port: candidate events, members, and event rows, as SQL only.</summary>
public abstract partial class SqlEventStore
{
    /// <inheritdoc />
    public IReadOnlyList<CandidateEvent> FindCandidates(string admin1Code, DateWindow range)
    {
        ArgumentNullException.ThrowIfNull(admin1Code);
        var ids = new List<long>();
        using (var reader = Prepared(
            "SELECT id FROM events WHERE admin1_code = @a AND date_lo BETWEEN @earliest AND @hi AND date_hi >= @lo ORDER BY id",
            ("@a", admin1Code),
            ("@earliest", IsoDate(range.From.AddDays(-CrossDocumentMerger.MaxWindowSpan))),
            ("@hi", IsoDate(range.To)),
            ("@lo", IsoDate(range.From))).ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return ids.Select(id => new CandidateEvent(id, LoadMembers(id))).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<CandidateEvent> EventsOfDocument(string documentId)
    {
        var ids = new List<long>();
        using (var reader = Prepared("SELECT DISTINCT es.event_id FROM event_sources es JOIN mentions m ON m.id = es.mention_id WHERE m.document_id = @id ORDER BY 1", ("@id", documentId)).ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        return ids.Select(id => new CandidateEvent(id, LoadMembers(id))).ToList();
    }

    /// <inheritdoc />
    public long CreateEvent(MergedEvent merged, IReadOnlyList<StoredMention> members)
    {
        var id = SaveEvent(merged, members);
        foreach (var member in members)
        {
            LinkSource(id, member);
        }

        return id;
    }

    /// <inheritdoc />
    public void DeleteEvent(long eventId)
    {
        Execute("DELETE FROM event_sources WHERE event_id = @e", ("@e", eventId));
        Execute("DELETE FROM events WHERE id = @e", ("@e", eventId));
        _members.Remove(eventId);
    }

    private long SaveEvent(MergedEvent merged, IReadOnlyList<StoredMention> members)
    {
        var r = merged.Record;
        var eventDate = EventMerger.ParseDate(r.Date) ?? merged.EarliestPublished;
        var actors = new[] { r.Actor1, r.Actor2 }.Concat(r.AssocActor1).Concat(r.AssocActor2)
            .Concat(members.SelectMany(m => new[] { m.Mention.Record.Actor1, m.Mention.Record.Actor2 }))
            .Where(a => a is not null)
            .SelectMany(a => new[] { a!.Name, a.NameAr })
            .Where(n => !string.IsNullOrEmpty(n))
            .Distinct(StringComparer.Ordinal);
        const string sql =
            "INSERT INTO events(event_key, event_id_cnty, event_type, sub_event_type, event_date, date_lo, date_hi, iso2, admin1_code, admin2, location, actors, fatalities, injured, captured, released, fatalities_source, injured_source, captured_source, released_source, source_count, record_json, updated_at) "
            + "VALUES (@key, @idc, @type, @sub, @date, @lo, @hi, @iso2, @admin1, @admin2, @loc, @actors, @f, @i, @c, @r, @fs, @is, @cs, @rs, @n, @json, @now) RETURNING id";
        var parameters = new List<(string Name, object? Value)>
        {
            ("@key", merged.EventKey),
            ("@idc", ContentHashing.EventIdCnty(merged.EventKey, r.Iso2, _countries)),
            ("@type", r.EventType),
            ("@sub", r.SubEventType),
            ("@date", eventDate is { } d ? IsoDate(d) : null),
            ("@lo", merged.Window is { } w1 ? IsoDate(w1.From) : null),
            ("@hi", merged.Window is { } w2 ? IsoDate(w2.To) : null),
            ("@iso2", r.Iso2?.ToUpperInvariant()),
            ("@admin1", r.Admin1Code?.ToUpperInvariant()),
            ("@admin2", r.Admin2),
            ("@loc", r.Location ?? r.LocationAr),
            ("@actors", string.Join("|", actors)),
            ("@f", r.Fatalities),
            ("@i", r.Injured),
            ("@c", r.Captured),
            ("@r", r.Released),
            ("@fs", merged.CountSources.Fatalities),
            ("@is", merged.CountSources.Injured),
            ("@cs", merged.CountSources.Captured),
            ("@rs", merged.CountSources.Released),
            ("@n", merged.Sources.Count),
            ("@json", JsonSerializer.Serialize(r, RasidJson.Options)),
            ("@now", _time.GetUtcNow().ToUnixTimeSeconds()),
        };
        var id = Prepared(sql, [.. parameters]).ExecuteScalar();
        var saved = Convert.ToInt64(id, CultureInfo.InvariantCulture);
        _members[saved] = [.. members];
        return saved;
    }

    private void LinkSource(long eventId, StoredMention member)
    {
        var m = member.Mention;
        Execute(
            "INSERT INTO event_sources(event_id, mention_id, document_id, publisher, url, fatalities, injured, captured, released) VALUES (@e, @m, @doc, @pub, @url, @f, @i, @c, @r)",
            ("@e", eventId),
            ("@m", member.Id),
            ("@doc", m.DocumentId),
            ("@pub", m.Publisher),
            ("@url", m.Url),
            ("@f", m.Record.Fatalities),
            ("@i", m.Record.Injured),
            ("@c", m.Record.Captured),
            ("@r", m.Record.Released));
    }

    private List<StoredMention> LoadMembers(long eventId)
    {
        if (_transaction is not null && _members.TryGetValue(eventId, out var cached))
        {
            return cached;
        }

        var members = new List<StoredMention>();
        using (var reader = Prepared(
            "SELECT m.id, m.mention_key, m.document_id, d.publisher, d.url, d.published, m.record_json FROM event_sources es "
            + "JOIN mentions m ON m.id = es.mention_id JOIN documents d ON d.id = m.document_id WHERE es.event_id = @e ORDER BY m.mention_key",
            ("@e", eventId)).ExecuteReader())
        {
            while (reader.Read())
            {
                members.Add(new StoredMention(reader.GetInt64(0), new DedupMention(
                    reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4),
                    EventMerger.ParseDate(NullableString(reader, 5)), Deserialize(reader.GetString(6), reader.GetString(1)))));
            }
        }

        if (_transaction is not null)
        {
            _members[eventId] = members;
        }

        return members;
    }
}
