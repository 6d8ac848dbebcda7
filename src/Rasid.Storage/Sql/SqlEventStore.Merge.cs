using System.Data.Common;
using System.Globalization;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Storage.Sql;

/// <summary>The <see cref="IMergeStore"/> port: candidate events, members, and event rows, as SQL only.</summary>
public abstract partial class SqlEventStore
{
    // Window starts of events whose window may overlap a search range (an event's window spans at most MaxWindowSpan days).
    private static (DateOnly From, DateOnly To) Starts(DateWindow range) => (range.From.AddDays(-CrossDocumentMerger.MaxWindowSpan), range.To);

    /// <inheritdoc />
    public IReadOnlyList<CandidateEvent> FindCandidates(string admin1Code, DateWindow range)
    {
        ArgumentNullException.ThrowIfNull(admin1Code);
        var (from, to) = Starts(range);
        if (!_windows.Covers(admin1Code, from, to))
        {
            ReadEvents(admin1Code, from, to);
        }

        return _windows.Find(admin1Code, from, to, range.From).Select(id => new CandidateEvent(id, LoadMembers(id))).ToList();
    }

    /// <summary>
    /// Reads, before a batch's mentions are merged, the stored events (with their members) whose windows may reach them:
    /// one query per admin1 code and run of nearby days, instead of one per mention and step of the merge.
    /// </summary>
    private void ReadCandidates(IEnumerable<StoredMention> mentions)
    {
        var wanted = new Dictionary<string, List<(DateOnly From, DateOnly To)>>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Mention.Record.Admin1Code is { } code && EventMerger.WindowOf(m.Mention, _dedup) is { } window)
            {
                var admin1 = code.ToUpperInvariant();
                if (!wanted.TryGetValue(admin1, out var ranges))
                {
                    ranges = [];
                    wanted[admin1] = ranges;
                }

                // Widened by as much again each way: the members of the events found there have windows that reach that
                // far, and their own look-ups are then answered from memory too.
                var (from, to) = Starts(_merger.SearchRange(window));
                var wider = CrossDocumentMerger.MaxWindowSpan + _dedup.MaxDayGap;
                ranges.Add((from.AddDays(-wider), to.AddDays(wider)));
            }
        }

        foreach (var (admin1, ranges) in wanted)
        {
            // Ranges less than a window span apart are read together: a few days more per query, far fewer queries.
            ranges.Sort();
            var (from, to) = ranges[0];
            for (var i = 1; i <= ranges.Count; i++)
            {
                if (i < ranges.Count && ranges[i].From.DayNumber - to.DayNumber <= CrossDocumentMerger.MaxWindowSpan)
                {
                    to = ranges[i].To > to ? ranges[i].To : to;
                    continue;
                }

                if (!_windows.Covers(admin1, from, to))
                {
                    ReadEvents(admin1, from, to);
                }

                if (i < ranges.Count)
                {
                    (from, to) = ranges[i];
                }
            }
        }
    }

    /// <summary>
    /// Reads every event of <paramref name="admin1"/> whose window starts in [from, to] into the caches: first the windows
    /// alone; then, when some of those events' members are not cached yet, the members of the range in one more query.
    /// </summary>
    private void ReadEvents(string admin1, DateOnly from, DateOnly to)
    {
        var uncached = false;
        using (var reader = Prepared(
            "SELECT id, date_lo, date_hi FROM events WHERE admin1_code = @a AND date_lo BETWEEN @from AND @to",
            ("@a", admin1),
            ("@from", IsoDate(from)),
            ("@to", IsoDate(to))).ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                _windows.Add(admin1, id, new DateWindow(EventMerger.ParseDate(reader.GetString(1))!.Value, EventMerger.ParseDate(reader.GetString(2))!.Value));
                uncached |= !_members.ContainsKey(id);
            }
        }

        if (uncached)
        {
            using var reader = Prepared(
                "SELECT e.id, m.id, m.mention_key, m.document_id, d.publisher, d.url, d.published, m.record_json FROM events e "
                + "JOIN event_sources es ON es.event_id = e.id JOIN mentions m ON m.id = es.mention_id JOIN documents d ON d.id = m.document_id "
                + "WHERE e.admin1_code = @a AND e.date_lo BETWEEN @from AND @to ORDER BY e.id, m.mention_key",
                ("@a", admin1),
                ("@from", IsoDate(from)),
                ("@to", IsoDate(to))).ExecuteReader();
            long current = -1;
            List<StoredMention>? members = null;
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                if (id != current)
                {
                    current = id;
                    // Members already cached are not read again.
                    members = _members.ContainsKey(id) ? null : [];
                    if (members is not null)
                    {
                        _members[id] = members;
                    }
                }

                members?.Add(ReadMember(reader, 1));
            }
        }

        _windows.MarkRead(admin1, from, to);
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
        _windows.Remove(eventId);
    }

    /// <summary>Drops the members and windows of events kept in memory (another writer may have changed them, or a rollback did).</summary>
    private void ForgetCachedEvents()
    {
        _members.Clear();
        _windows.Clear();
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
        var id = Prepared(
            sql,
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
            ("@json", RasidJson.ToJson(r)),
            ("@now", _batchTime)).ExecuteScalar();
        var saved = Convert.ToInt64(id, CultureInfo.InvariantCulture);
        _members[saved] = [.. members];
        if (r.Admin1Code is { } admin1 && merged.Window is { } window)
        {
            _windows.Add(admin1.ToUpperInvariant(), saved, window);
        }

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
                members.Add(ReadMember(reader, 0));
            }
        }

        if (_transaction is not null)
        {
            _members[eventId] = members;
        }

        return members;
    }

    /// <summary>A member from the columns m.id, m.mention_key, m.document_id, d.publisher, d.url, d.published, m.record_json starting at <paramref name="first"/>.</summary>
    private static StoredMention ReadMember(DbDataReader reader, int first) =>
        new(reader.GetInt64(first), new DedupMention(
            reader.GetString(first + 1), reader.GetString(first + 2), NullableString(reader, first + 3), NullableString(reader, first + 4),
            EventMerger.ParseDate(NullableString(reader, first + 5)), Deserialize(reader.GetString(first + 6), reader.GetString(first + 1))));
}
