using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Rasid.Dedup;
using Rasid.Ingestion;
using Rasid.Records;

namespace Rasid.Storage.Sql;

/// <summary>
/// The SQL shared by the relational stores (SQLite, PostgreSQL): documents, mentions, events and their sources in the same
/// tables, written through ADO.NET with named parameters. Each <see cref="WriteBatch"/> is one transaction. The
/// cross-document merge is <see cref="CrossDocumentMerger"/>'s; this class only answers its <see cref="IMergeStore"/> calls.
/// A store owns one connection and is not thread-safe.
/// </summary>
public abstract class SqlEventStore : IEventStore, IMergeStore
{
    private readonly CountryTable _countries;
    private readonly TimeProvider _time;
    private readonly CrossDocumentMerger _merger;
    private readonly Dictionary<long, List<StoredMention>> _members = [];
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbTransaction? _transaction;

    // Members of recently touched events stay in memory between batches while no other writer changed the database.
    private const int MaxCachedEvents = 20_000;

    /// <summary>Wraps an open connection whose schema is current.</summary>
    protected SqlEventStore(DbConnection connection, DedupOptions? dedup, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _countries = CountryTable.Default;
        _time = time ?? TimeProvider.System;
        _merger = new CrossDocumentMerger(this, dedup);
    }

    /// <summary>The store's connection.</summary>
    protected DbConnection Connection { get; }

    /// <summary>
    /// Starts the write transaction of a batch, serialised against other writers of the same database (SQLite: BEGIN
    /// IMMEDIATE; PostgreSQL: an advisory lock), so the candidate lookup and the writes of a batch see a stable database.
    /// </summary>
    protected abstract DbTransaction BeginWrite();

    /// <summary>
    /// True when the member cache kept from earlier transactions is still valid, i.e. no other connection wrote since this
    /// store's last commit. Called at the start of each write transaction; the default trusts nothing.
    /// </summary>
    protected virtual bool CacheIsCurrent() => false;

    /// <summary>SQL that is true when <paramref name="column"/> equals <paramref name="parameter"/> ignoring ASCII case.</summary>
    protected virtual string EqualsIgnoreCase(string column, string parameter) => $"lower({column}) = lower({parameter})";

    /// <summary>SQL that is true when <paramref name="column"/> contains <paramref name="parameter"/> ignoring case.</summary>
    protected abstract string ContainsIgnoreCase(string column, string parameter);

    /// <inheritdoc />
    public DocumentStatus GetStatus(string documentId, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        ArgumentNullException.ThrowIfNull(contentHash);
        var cmd = Prepared("SELECT (SELECT COUNT(*) FROM documents WHERE id = @id), (SELECT COUNT(*) FROM documents WHERE content_hash = @h)", ("@id", documentId), ("@h", contentHash));
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return reader.GetInt64(0) > 0 ? DocumentStatus.SameId : reader.GetInt64(1) > 0 ? DocumentStatus.SameContent : DocumentStatus.New;
    }

    /// <inheritdoc />
    public IReadOnlyList<WriteOutcome> WriteBatch(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var transaction = BeginWrite();
        _transaction = transaction;
        try
        {
            if (!CacheIsCurrent())
            {
                _members.Clear();
            }

            var outcomes = WriteDocuments(batch);
            transaction.Commit();
            if (_members.Count > MaxCachedEvents)
            {
                _members.Clear();
            }

            return outcomes;
        }
        catch
        {
            // The cache may hold members of rolled-back events.
            _members.Clear();
            throw;
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside a write transaction of this store (serialised like a batch), e.g. to write
    /// a batch and the queue rows it came from atomically.
    /// </summary>
    protected T InWriteTransaction<T>(Func<DbTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var transaction = BeginWrite();
        _transaction = transaction;
        try
        {
            _members.Clear();
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        catch
        {
            _members.Clear();
            throw;
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>Writes a batch inside the current transaction (see <see cref="WriteBatch"/>).</summary>
    protected IReadOnlyList<WriteOutcome> WriteDocuments(IReadOnlyList<StoredDocument> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var outcomes = new List<WriteOutcome>(batch.Count);
        var pending = new Dictionary<long, StoredMention>();
        foreach (var doc in batch)
        {
            outcomes.Add(WriteDocument(doc, pending));
        }

        _merger.AddAll([.. pending.Values]);
        return outcomes;
    }

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
        using var reader = Prepared("SELECT id, text, title, published, url, publisher, content_hash, extractor_version FROM documents WHERE id = @id", ("@id", documentId)).ExecuteReader();
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

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the prepared commands and the connection.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        foreach (var cmd in _prepared.Values)
        {
            cmd.Dispose();
        }

        _prepared.Clear();
        Connection.Dispose();
    }

    /// <summary>A command kept for the life of the store (parsed once), bound to the current transaction, parameters set.</summary>
    protected DbCommand Prepared(string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var cmd))
        {
            cmd = Connection.CreateCommand();
            cmd.CommandText = sql;
            _prepared[sql] = cmd;
        }

        cmd.Transaction = _transaction;
        cmd.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            AddParameter(cmd, name, value);
        }

        return cmd;
    }

    /// <summary>Runs a statement in the current transaction; returns the rows affected.</summary>
    protected int Execute(string sql, params (string Name, object? Value)[] parameters) => Prepared(sql, parameters).ExecuteNonQuery();

    /// <summary>Adds a named parameter (null becomes DBNull).</summary>
    protected static void AddParameter(DbCommand cmd, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Formats a date as ISO yyyy-MM-dd (invariant culture), the stored form.</summary>
    protected static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private WriteOutcome WriteDocument(StoredDocument doc, Dictionary<long, StoredMention> pending)
    {
        var source = doc.Source;
        // Looked up again inside the write transaction: another writer may have stored it since the ingest loop asked.
        var status = GetStatus(source.Id, doc.ContentHash);
        if (status == DocumentStatus.SameContent || (status == DocumentStatus.SameId && !doc.Replace))
        {
            return status == DocumentStatus.SameId ? WriteOutcome.SkippedSameId : WriteOutcome.SkippedSameContent;
        }

        var exists = status == DocumentStatus.SameId;
        if (exists)
        {
            // Re-extraction: the document's old mentions leave their events; the other members of those events are merged again.
            foreach (var m in _merger.Detach(source.Id))
            {
                pending[m.Id] = m;
            }

            foreach (var id in pending.Where(p => string.Equals(p.Value.Mention.DocumentId, source.Id, StringComparison.Ordinal)).Select(p => p.Key).ToList())
            {
                pending.Remove(id);
            }

            Execute("DELETE FROM mentions WHERE document_id = @id", ("@id", source.Id));
        }

        Execute(
            exists
                ? "UPDATE documents SET publisher=@publisher, url=@url, title=@title, published=@published, content_hash=@hash, text=@text, relevant=@relevant, relevance_score=@score, extractor_version=@version, mention_count=@count WHERE id=@id"
                : "INSERT INTO documents(id, publisher, url, title, published, content_hash, text, relevant, relevance_score, extractor_version, mention_count) VALUES (@id, @publisher, @url, @title, @published, @hash, @text, @relevant, @score, @version, @count)",
            ("@id", source.Id),
            ("@publisher", ControlCharacters.Strip(source.Publisher)),
            ("@url", ControlCharacters.Strip(source.Url)),
            ("@title", ControlCharacters.Strip(source.Title)),
            ("@published", source.Published is { } p ? IsoDate(p) : null),
            ("@hash", doc.ContentHash),
            ("@text", doc.CleanedText),
            ("@relevant", doc.Result.Relevant ? 1 : 0),
            ("@score", doc.Result.RelevanceScore),
            ("@version", doc.ExtractorVersion),
            ("@count", doc.Result.Events.Count));

        for (var i = 0; i < doc.Result.Events.Count; i++)
        {
            var record = ControlCharacters.Strip(doc.Result.Events[i]);
            var mention = new DedupMention(
                DedupMention.MakeKey(source.Id, i), source.Id, ControlCharacters.Strip(source.Publisher), ControlCharacters.Strip(source.Url), source.Published, record);
            var stored = new StoredMention(InsertMention(mention, i), mention);
            pending[stored.Id] = stored;
        }

        return exists ? WriteOutcome.Replaced : WriteOutcome.Stored;
    }

    private long InsertMention(DedupMention mention, int ordinal)
    {
        var r = mention.Record;
        var id = Prepared(
            "INSERT INTO mentions(mention_key, document_id, ordinal, event_type, sub_event_type, date, date_precision, actor1, actor2, iso2, admin1_code, admin2, location_ar, latitude, longitude, geo_precision, fatalities, injured, captured, released, civilian_targeting, evidence_start, evidence_end, record_json) "
            + "VALUES (@key, @doc, @ord, @type, @sub, @date, @dp, @a1, @a2, @iso2, @admin1, @admin2, @loc, @lat, @lon, @gp, @f, @i, @c, @r, @ct, @es, @ee, @json) RETURNING id",
            ("@key", mention.Key),
            ("@doc", mention.DocumentId),
            ("@ord", ordinal),
            ("@type", r.EventType),
            ("@sub", r.SubEventType),
            ("@date", r.Date),
            ("@dp", r.DatePrecision),
            ("@a1", r.Actor1?.Name),
            ("@a2", r.Actor2?.Name),
            ("@iso2", r.Iso2?.ToUpperInvariant()),
            ("@admin1", r.Admin1Code?.ToUpperInvariant()),
            ("@admin2", r.Admin2),
            ("@loc", r.LocationAr),
            ("@lat", r.Latitude),
            ("@lon", r.Longitude),
            ("@gp", r.GeoPrecision),
            ("@f", r.Fatalities),
            ("@i", r.Injured),
            ("@c", r.Captured),
            ("@r", r.Released),
            ("@ct", r.CivilianTargeting ? 1 : 0),
            ("@es", r.Evidence.Start),
            ("@ee", r.Evidence.End),
            ("@json", JsonSerializer.Serialize(r, RasidJson.Options))).ExecuteScalar();
        return Convert.ToInt64(id, CultureInfo.InvariantCulture);
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

    private static EventRecord Deserialize(string json, string key) =>
        JsonSerializer.Deserialize<EventRecord>(json, RasidJson.Options) ?? throw new InvalidDataException($"{key}: empty record_json");

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private sealed record EventRow(long Id, string IdCnty, DateOnly? EventDate, long UpdatedAt, string EventKey, EventRecord Record, DateWindow? Window, CountSources CountSources);
}
