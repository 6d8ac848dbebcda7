using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Storage.Sqlite;

/// <summary>
/// SQLite event store (WAL journal). Each <see cref="WriteBatch"/> is one transaction: documents, mentions and event merges
/// commit together or not at all, so a killed process leaves whole batches only. Merging is incremental: a new mention is
/// compared with the events of its admin1 whose date window is near its own, found through the <c>events_merge</c> index.
/// Not thread-safe: one writer per database file.
/// </summary>
public sealed class SqliteEventStore : IEventStore
{
    // An event's window spans at most a few days (members are pairwise compatible), so candidates start at most this early.
    private const int MaxWindowSpanDays = 14;

    // Members of recently touched events stay in memory between batches (reports of one event arrive close together).
    private const int MaxCachedEvents = 20_000;

    private readonly SqliteConnection _connection;
    private readonly CountryTable _countries;
    private readonly DedupOptions _dedup;
    private readonly TimeProvider _time;
    private readonly Dictionary<long, List<Member>> _members = [];
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    private SqliteEventStore(SqliteConnection connection, CountryTable countries, DedupOptions dedup, TimeProvider time)
    {
        _connection = connection;
        _countries = countries;
        _dedup = dedup;
        _time = time;
    }

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/> and applies the schema.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="dedup">Merge thresholds (defaults when null).</param>
    /// <param name="time">Clock for event timestamps (system clock when null).</param>
    public static SqliteEventStore Open(string path, DedupOptions? dedup = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            // WAL + synchronous=NORMAL survives a killed process (not a power cut with the last commits); foreign keys cascade deletes.
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
            Execute(connection, ReadSchema());
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new SqliteEventStore(connection, CountryTable.Default, dedup ?? DedupOptions.Default, time ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public DocumentStatus GetStatus(string documentId, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(contentHash);
        var cmd = Prepared("SELECT (SELECT COUNT(*) FROM documents WHERE id = $id), (SELECT COUNT(*) FROM documents WHERE content_hash = $h)");
        cmd.Parameters.AddWithValue("$id", documentId);
        cmd.Parameters.AddWithValue("$h", contentHash);
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) > 0 ? DocumentStatus.SameId : reader.GetInt64(1) > 0 ? DocumentStatus.SameContent : DocumentStatus.New;
    }

    /// <inheritdoc />
    public void WriteBatch(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var transaction = _connection.BeginTransaction();
        try
        {
            foreach (var doc in batch)
            {
                WriteDocument(doc, transaction);
            }

            transaction.Commit();
        }
        catch
        {
            // The cache may hold members of rolled-back events.
            _members.Clear();
            throw;
        }

        if (_members.Count > MaxCachedEvents)
        {
            _members.Clear();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> DocumentIds()
    {
        using var cmd = Command("SELECT id FROM documents ORDER BY id");
        using var reader = cmd.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <inheritdoc />
    public StoredSource? ReadDocument(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        using var cmd = Command("SELECT id, text, title, published, url, publisher, content_hash, extractor_version FROM documents WHERE id = $id");
        cmd.Parameters.AddWithValue("$id", documentId);
        using var reader = cmd.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var document = new SourceDocument
        {
            Id = reader.GetString(0),
            Text = reader.GetString(1),
            Title = NullableString(reader, 2),
            Published = EventMerger.ParseDate(NullableString(reader, 3)),
            Url = NullableString(reader, 4),
            Publisher = NullableString(reader, 5),
            Origin = "db:" + documentId,
        };
        return new StoredSource(document, reader.GetString(6), reader.GetString(7));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredEvent> QueryEvents(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var cmd = _connection.CreateCommand();
        var where = new List<string>();
        if (query.Country is { } country)
        {
            where.Add("iso2 = $country");
            cmd.Parameters.AddWithValue("$country", country.ToUpperInvariant());
        }

        if (query.Admin1 is { } admin1)
        {
            where.Add("admin1_code = $admin1");
            cmd.Parameters.AddWithValue("$admin1", admin1.ToUpperInvariant());
        }

        if (query.Type is { } type)
        {
            where.Add("(event_type = $type COLLATE NOCASE OR sub_event_type = $type COLLATE NOCASE)");
            cmd.Parameters.AddWithValue("$type", type);
        }

        if (query.Actor is { } actor)
        {
            where.Add("instr(lower(actors), lower($actor)) > 0");
            cmd.Parameters.AddWithValue("$actor", actor);
        }

        if (query.From is { } from)
        {
            where.Add("event_date >= $from");
            cmd.Parameters.AddWithValue("$from", IsoDate(from));
        }

        if (query.To is { } to)
        {
            where.Add("event_date <= $to");
            cmd.Parameters.AddWithValue("$to", IsoDate(to));
        }

        cmd.CommandText = "SELECT id, event_id_cnty, event_date, updated_at FROM events"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)
            + " ORDER BY event_date IS NULL, event_date, event_id_cnty"
            + (query.Limit is { } limit ? " LIMIT " + limit.ToString(CultureInfo.InvariantCulture) : string.Empty);
        var rows = new List<(long Id, string IdCnty, string? Date, long UpdatedAt)>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), NullableString(reader, 2), reader.GetInt64(3)));
            }
        }

        var result = new List<StoredEvent>(rows.Count);
        foreach (var row in rows)
        {
            var members = LoadMembers(row.Id, null).Select(m => m.Mention).ToList();
            result.Add(new StoredEvent(row.IdCnty, EventMerger.ParseDate(row.Date), row.UpdatedAt, EventMerger.Merge(members, _dedup), members));
        }

        return result;
    }

    /// <inheritdoc />
    public StoreCounts Counts()
    {
        using var cmd = Command("SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM mentions), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_sources)");
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return new StoreCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var cmd in _prepared.Values)
        {
            cmd.Dispose();
        }

        _connection.Dispose();
    }

    private void WriteDocument(StoredDocument doc, SqliteTransaction tx)
    {
        var source = doc.Source;
        var exists = ExecuteScalarLong("SELECT COUNT(*) FROM documents WHERE id = $id", tx, ("$id", source.Id)) > 0;
        var requeue = new List<Member>();
        if (exists)
        {
            // Re-extraction: the document's old mentions leave their events; the other members of those events are merged again.
            var affected = new List<long>();
            using (var cmd = Command("SELECT DISTINCT es.event_id FROM event_sources es JOIN mentions m ON m.id = es.mention_id WHERE m.document_id = $id ORDER BY 1", tx))
            {
                cmd.Parameters.AddWithValue("$id", source.Id);
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    affected.Add(reader.GetInt64(0));
                }
            }

            foreach (var eventId in affected)
            {
                requeue.AddRange(LoadMembers(eventId, tx).Where(m => !string.Equals(m.Mention.DocumentId, source.Id, StringComparison.Ordinal)));
                Execute("DELETE FROM events WHERE id = $e", tx, ("$e", eventId));
                _members.Remove(eventId);
            }

            Execute("DELETE FROM mentions WHERE document_id = $id", tx, ("$id", source.Id));
        }

        {
            var cmd = Prepared(exists
                ? "UPDATE documents SET publisher=$publisher, url=$url, title=$title, published=$published, content_hash=$hash, text=$text, relevant=$relevant, relevance_score=$score, extractor_version=$version, mention_count=$count WHERE id=$id"
                : "INSERT INTO documents(id, publisher, url, title, published, content_hash, text, relevant, relevance_score, extractor_version, mention_count) VALUES ($id, $publisher, $url, $title, $published, $hash, $text, $relevant, $score, $version, $count)", tx);
            cmd.Parameters.AddWithValue("$id", source.Id);
            cmd.Parameters.AddWithValue("$publisher", Db(ControlCharacters.Strip(source.Publisher)));
            cmd.Parameters.AddWithValue("$url", Db(ControlCharacters.Strip(source.Url)));
            cmd.Parameters.AddWithValue("$title", Db(ControlCharacters.Strip(source.Title)));
            cmd.Parameters.AddWithValue("$published", Db(source.Published is { } p ? IsoDate(p) : null));
            cmd.Parameters.AddWithValue("$hash", doc.ContentHash);
            cmd.Parameters.AddWithValue("$text", doc.CleanedText);
            cmd.Parameters.AddWithValue("$relevant", doc.Result.Relevant ? 1 : 0);
            cmd.Parameters.AddWithValue("$score", doc.Result.RelevanceScore);
            cmd.Parameters.AddWithValue("$version", doc.ExtractorVersion);
            cmd.Parameters.AddWithValue("$count", doc.Result.Events.Count);
            cmd.ExecuteNonQuery();
        }

        foreach (var member in requeue.OrderBy(m => m.Mention.Key, StringComparer.Ordinal))
        {
            Place(member, tx);
        }

        for (var i = 0; i < doc.Result.Events.Count; i++)
        {
            var record = ControlCharacters.Strip(doc.Result.Events[i]);
            var mention = new DedupMention(
                DedupMention.MakeKey(source.Id, i), source.Id, ControlCharacters.Strip(source.Publisher), ControlCharacters.Strip(source.Url), source.Published, record);
            var id = InsertMention(mention, i, tx);
            Place(new Member(id, mention), tx);
        }
    }

    private long InsertMention(DedupMention mention, int ordinal, SqliteTransaction tx)
    {
        var r = mention.Record;
        var cmd = Prepared(
            "INSERT INTO mentions(mention_key, document_id, ordinal, event_type, sub_event_type, date, date_precision, actor1, actor2, iso2, admin1_code, admin2, location_ar, latitude, longitude, geo_precision, fatalities, injured, captured, released, civilian_targeting, evidence_start, evidence_end, record_json) "
            + "VALUES ($key, $doc, $ord, $type, $sub, $date, $dp, $a1, $a2, $iso2, $admin1, $admin2, $loc, $lat, $lon, $gp, $f, $i, $c, $r, $ct, $es, $ee, $json) RETURNING id", tx);
        cmd.Parameters.AddWithValue("$key", mention.Key);
        cmd.Parameters.AddWithValue("$doc", mention.DocumentId);
        cmd.Parameters.AddWithValue("$ord", ordinal);
        cmd.Parameters.AddWithValue("$type", r.EventType);
        cmd.Parameters.AddWithValue("$sub", r.SubEventType);
        cmd.Parameters.AddWithValue("$date", Db(r.Date));
        cmd.Parameters.AddWithValue("$dp", Db(r.DatePrecision));
        cmd.Parameters.AddWithValue("$a1", Db(r.Actor1?.Name));
        cmd.Parameters.AddWithValue("$a2", Db(r.Actor2?.Name));
        cmd.Parameters.AddWithValue("$iso2", Db(r.Iso2?.ToUpperInvariant()));
        cmd.Parameters.AddWithValue("$admin1", Db(r.Admin1Code?.ToUpperInvariant()));
        cmd.Parameters.AddWithValue("$admin2", Db(r.Admin2));
        cmd.Parameters.AddWithValue("$loc", Db(r.LocationAr));
        cmd.Parameters.AddWithValue("$lat", Db(r.Latitude));
        cmd.Parameters.AddWithValue("$lon", Db(r.Longitude));
        cmd.Parameters.AddWithValue("$gp", Db(r.GeoPrecision));
        cmd.Parameters.AddWithValue("$f", Db(r.Fatalities));
        cmd.Parameters.AddWithValue("$i", Db(r.Injured));
        cmd.Parameters.AddWithValue("$c", Db(r.Captured));
        cmd.Parameters.AddWithValue("$r", Db(r.Released));
        cmd.Parameters.AddWithValue("$ct", r.CivilianTargeting ? 1 : 0);
        cmd.Parameters.AddWithValue("$es", r.Evidence.Start);
        cmd.Parameters.AddWithValue("$ee", r.Evidence.End);
        cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(r, RasidJson.Options));
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Puts a stored mention into the first compatible candidate event, or into a new event.</summary>
    private void Place(Member member, SqliteTransaction tx)
    {
        var mention = member.Mention;
        var admin1 = mention.Record.Admin1Code?.ToUpperInvariant();
        if (admin1 is not null && EventMerger.WindowOf(mention, _dedup) is { } window)
        {
            var candidates = new List<long>();
            {
                var cmd = Prepared("SELECT id FROM events WHERE admin1_code = $a AND date_lo BETWEEN $earliest AND $hi AND date_hi >= $lo ORDER BY id", tx);
                cmd.Parameters.AddWithValue("$a", admin1);
                cmd.Parameters.AddWithValue("$earliest", IsoDate(window.From.AddDays(-_dedup.MaxDayGap - MaxWindowSpanDays)));
                cmd.Parameters.AddWithValue("$hi", IsoDate(window.To.AddDays(_dedup.MaxDayGap)));
                cmd.Parameters.AddWithValue("$lo", IsoDate(window.From.AddDays(-_dedup.MaxDayGap)));
                using var reader = cmd.ExecuteReader();
                while (reader.Read())
                {
                    candidates.Add(reader.GetInt64(0));
                }
            }

            foreach (var eventId in candidates)
            {
                var members = LoadMembers(eventId, tx);
                if (EventMerger.CanJoin(members.Select(m => m.Mention).ToList(), mention, _dedup))
                {
                    members.Add(member);
                    SaveEvent(eventId, members, tx);
                    LinkSource(eventId, member, tx);
                    return;
                }
            }
        }

        var created = SaveEvent(null, [member], tx);
        LinkSource(created, member, tx);
    }

    private long SaveEvent(long? eventId, List<Member> members, SqliteTransaction tx)
    {
        var merged = EventMerger.Merge(members.Select(m => m.Mention).ToList(), _dedup);
        var r = merged.Record;
        var eventDate = EventMerger.ParseDate(r.Date) ?? merged.EarliestPublished;
        var actors = new[] { r.Actor1, r.Actor2 }.Concat(r.AssocActor1).Concat(r.AssocActor2)
            .Concat(members.SelectMany(m => new[] { m.Mention.Record.Actor1, m.Mention.Record.Actor2 }))
            .Where(a => a is not null)
            .SelectMany(a => new[] { a!.Name, a.NameAr })
            .Where(n => !string.IsNullOrEmpty(n))
            .Distinct(StringComparer.Ordinal);
        var cmd = Prepared(eventId is null
            ? "INSERT INTO events(event_key, event_id_cnty, event_type, sub_event_type, event_date, date_lo, date_hi, iso2, admin1_code, admin2, location, actors, fatalities, injured, captured, released, fatalities_source, injured_source, captured_source, released_source, source_count, record_json, updated_at) "
              + "VALUES ($key, $idc, $type, $sub, $date, $lo, $hi, $iso2, $admin1, $admin2, $loc, $actors, $f, $i, $c, $r, $fs, $is, $cs, $rs, $n, $json, $now) RETURNING id"
            : "UPDATE events SET event_key=$key, event_id_cnty=$idc, event_type=$type, sub_event_type=$sub, event_date=$date, date_lo=$lo, date_hi=$hi, iso2=$iso2, admin1_code=$admin1, admin2=$admin2, location=$loc, actors=$actors, fatalities=$f, injured=$i, captured=$c, released=$r, fatalities_source=$fs, injured_source=$is, captured_source=$cs, released_source=$rs, source_count=$n, record_json=$json, updated_at=$now WHERE id=$id RETURNING id", tx);
        if (eventId is { } existing)
        {
            cmd.Parameters.AddWithValue("$id", existing);
        }

        cmd.Parameters.AddWithValue("$key", merged.EventKey);
        cmd.Parameters.AddWithValue("$idc", ContentHashing.EventIdCnty(merged.EventKey, r.Iso2, _countries));
        cmd.Parameters.AddWithValue("$type", r.EventType);
        cmd.Parameters.AddWithValue("$sub", r.SubEventType);
        cmd.Parameters.AddWithValue("$date", Db(eventDate is { } d ? IsoDate(d) : null));
        cmd.Parameters.AddWithValue("$lo", Db(merged.Window is { } w1 ? IsoDate(w1.From) : null));
        cmd.Parameters.AddWithValue("$hi", Db(merged.Window is { } w2 ? IsoDate(w2.To) : null));
        cmd.Parameters.AddWithValue("$iso2", Db(r.Iso2?.ToUpperInvariant()));
        cmd.Parameters.AddWithValue("$admin1", Db(r.Admin1Code?.ToUpperInvariant()));
        cmd.Parameters.AddWithValue("$admin2", Db(r.Admin2));
        cmd.Parameters.AddWithValue("$loc", Db(r.Location ?? r.LocationAr));
        cmd.Parameters.AddWithValue("$actors", string.Join("|", actors));
        cmd.Parameters.AddWithValue("$f", Db(r.Fatalities));
        cmd.Parameters.AddWithValue("$i", Db(r.Injured));
        cmd.Parameters.AddWithValue("$c", Db(r.Captured));
        cmd.Parameters.AddWithValue("$r", Db(r.Released));
        cmd.Parameters.AddWithValue("$fs", Db(merged.CountSources.Fatalities));
        cmd.Parameters.AddWithValue("$is", Db(merged.CountSources.Injured));
        cmd.Parameters.AddWithValue("$cs", Db(merged.CountSources.Captured));
        cmd.Parameters.AddWithValue("$rs", Db(merged.CountSources.Released));
        cmd.Parameters.AddWithValue("$n", merged.Sources.Count);
        cmd.Parameters.AddWithValue("$json", JsonSerializer.Serialize(r, RasidJson.Options));
        cmd.Parameters.AddWithValue("$now", _time.GetUtcNow().ToUnixTimeSeconds());
        var id = (long)cmd.ExecuteScalar()!;
        _members[id] = members;
        return id;
    }

    private void LinkSource(long eventId, Member member, SqliteTransaction tx)
    {
        var m = member.Mention;
        var cmd = Prepared(
            "INSERT INTO event_sources(event_id, mention_id, document_id, publisher, url, fatalities, injured, captured, released) VALUES ($e, $m, $doc, $pub, $url, $f, $i, $c, $r)", tx);
        cmd.Parameters.AddWithValue("$e", eventId);
        cmd.Parameters.AddWithValue("$m", member.MentionId);
        cmd.Parameters.AddWithValue("$doc", m.DocumentId);
        cmd.Parameters.AddWithValue("$pub", Db(m.Publisher));
        cmd.Parameters.AddWithValue("$url", Db(m.Url));
        cmd.Parameters.AddWithValue("$f", Db(m.Record.Fatalities));
        cmd.Parameters.AddWithValue("$i", Db(m.Record.Injured));
        cmd.Parameters.AddWithValue("$c", Db(m.Record.Captured));
        cmd.Parameters.AddWithValue("$r", Db(m.Record.Released));
        cmd.ExecuteNonQuery();
    }

    private List<Member> LoadMembers(long eventId, SqliteTransaction? tx)
    {
        if (tx is not null && _members.TryGetValue(eventId, out var cached))
        {
            return cached;
        }

        var cmd = Prepared(
            "SELECT m.id, m.mention_key, m.document_id, d.publisher, d.url, d.published, m.record_json FROM event_sources es "
            + "JOIN mentions m ON m.id = es.mention_id JOIN documents d ON d.id = m.document_id WHERE es.event_id = $e ORDER BY m.mention_key", tx);
        cmd.Parameters.AddWithValue("$e", eventId);
        using var reader = cmd.ExecuteReader();
        var members = new List<Member>();
        while (reader.Read())
        {
            var record = JsonSerializer.Deserialize<EventRecord>(reader.GetString(6), RasidJson.Options)
                ?? throw new InvalidDataException($"mention {reader.GetString(1)}: empty record_json");
            members.Add(new Member(reader.GetInt64(0), new DedupMention(
                reader.GetString(1), reader.GetString(2), NullableString(reader, 3), NullableString(reader, 4), EventMerger.ParseDate(NullableString(reader, 5)), record)));
        }

        if (tx is not null)
        {
            _members[eventId] = members;
        }

        return members;
    }

    /// <summary>A command kept for the life of the store, so SQLite parses its SQL once; parameters are reset on each use.</summary>
    private SqliteCommand Prepared(string sql, SqliteTransaction? tx = null)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }

        cmd.Transaction = tx;
        cmd.Parameters.Clear();
        return cmd;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? tx = null)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd;
    }

    private void Execute(string sql, SqliteTransaction tx, params (string Name, object Value)[] parameters)
    {
        using var cmd = Command(sql, tx);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        cmd.ExecuteNonQuery();
    }

    private long ExecuteScalarLong(string sql, SqliteTransaction tx, params (string Name, object Value)[] parameters)
    {
        var cmd = Prepared(sql, tx);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        return (long)cmd.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string ReadSchema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rasid.Storage.Sqlite.schema.sql")
            ?? throw new InvalidOperationException("embedded schema.sql is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Db(object? value) => value ?? DBNull.Value;

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private sealed record Member(long MentionId, DedupMention Mention);
}
