using System.Data.Common;
using System.Globalization;
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
public abstract partial class SqlEventStore : IEventStore, IMergeStore
{
    private readonly CountryTable _countries;
    private readonly TimeProvider _time;
    private readonly CrossDocumentMerger _merger;
    private readonly DedupOptions _dedup;
    private readonly EventWindowIndex _windows = new();
    private readonly Dictionary<long, List<StoredMention>> _members = [];
    private readonly Dictionary<string, DbCommand> _prepared = new(StringComparer.Ordinal);
    private DbTransaction? _transaction;
    private long _batchTime;

    // Members of recently touched events stay in memory between batches while no other writer changed the database.
    private const int MaxCachedEvents = 20_000;

    /// <summary>Wraps an open connection whose schema is current.</summary>
    protected SqlEventStore(DbConnection connection, DedupOptions? dedup, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _countries = CountryTable.Default;
        _time = time ?? TimeProvider.System;
        _dedup = dedup ?? DedupOptions.Default;
        _merger = new CrossDocumentMerger(this, _dedup);
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

    /// <summary>
    /// True when <paramref name="error"/> is about the values of the statement that raised it (a constraint, a value too
    /// large or of the wrong type): the document being written is then rolled back alone. Any other error (I/O, a lost
    /// connection, a lock) ends the batch.
    /// </summary>
    protected abstract bool IsDocumentError(DbException error);

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
    public IReadOnlyList<WriteOutcome> WriteBatch(IReadOnlyList<StoredDocument> batch, Action<StoredDocument, Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var transaction = BeginWrite();
        _transaction = transaction;
        try
        {
            if (!CacheIsCurrent())
            {
                ForgetCachedEvents();
            }

            var outcomes = WriteDocuments(batch, failed);
            transaction.Commit();
            if (_members.Count > MaxCachedEvents)
            {
                ForgetCachedEvents();
            }

            return outcomes;
        }
        catch
        {
            // The caches may hold rolled-back events.
            ForgetCachedEvents();
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
            ForgetCachedEvents();
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
        catch
        {
            ForgetCachedEvents();
            throw;
        }
        finally
        {
            _transaction = null;
        }
    }

    /// <summary>Writes a batch inside the current transaction (see <see cref="WriteBatch"/>).</summary>
    protected IReadOnlyList<WriteOutcome> WriteDocuments(IReadOnlyList<StoredDocument> batch, Action<StoredDocument, Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _batchTime = _time.GetUtcNow().ToUnixTimeSeconds();
        var outcomes = new List<WriteOutcome>(batch.Count);
        var pending = new Dictionary<long, StoredMention>();
        foreach (var doc in batch)
        {
            outcomes.Add(WriteDocumentAlone(doc, pending, failed));
        }

        ReadCandidates(pending.Values);
        _merger.AddAll([.. pending.Values]);
        return outcomes;
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
        if (!SameNames(cmd.Parameters, parameters))
        {
            cmd.Parameters.Clear();
            foreach (var (name, _) in parameters)
            {
                AddParameter(cmd, name, null);
            }
        }

        // The parameter objects are kept from one execution to the next; only their values change.
        for (var i = 0; i < parameters.Length; i++)
        {
            cmd.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        }

        return cmd;
    }

    private static bool SameNames(DbParameterCollection kept, (string Name, object? Value)[] parameters)
    {
        if (kept.Count != parameters.Length)
        {
            return false;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!string.Equals(kept[i].ParameterName, parameters[i].Name, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
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

    /// <summary>
    /// Writes one document inside a savepoint, so that a document the store refuses is rolled back alone; its mentions
    /// join <paramref name="pending"/> (to be merged) only once its rows are in.
    /// </summary>
    private WriteOutcome WriteDocumentAlone(StoredDocument doc, Dictionary<long, StoredMention> pending, Action<StoredDocument, Exception>? failed)
    {
        var joining = new List<StoredMention>();
        Execute("SAVEPOINT rasid_document");
        try
        {
            var outcome = WriteDocument(doc, joining);
            Execute("RELEASE SAVEPOINT rasid_document");
            if (outcome == WriteOutcome.Replaced)
            {
                // Mentions of an earlier version of the document in this batch are gone with its rows.
                foreach (var id in pending.Where(p => string.Equals(p.Value.Mention.DocumentId, doc.Source.Id, StringComparison.Ordinal)).Select(p => p.Key).ToList())
                {
                    pending.Remove(id);
                }
            }

            foreach (var m in joining)
            {
                pending[m.Id] = m;
            }

            return outcome;
        }
        catch (DbException ex) when (IsDocumentError(ex))
        {
            Execute("ROLLBACK TO SAVEPOINT rasid_document");
            Execute("RELEASE SAVEPOINT rasid_document");
            // Events it detached are back in the database: the caches no longer describe it.
            ForgetCachedEvents();
            failed?.Invoke(doc, ex);
            return WriteOutcome.Failed;
        }
    }

    private WriteOutcome WriteDocument(StoredDocument doc, List<StoredMention> joining)
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
            joining.AddRange(_merger.Detach(source.Id));
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

        for (var i = 0; i < doc.Mentions.Count; i++)
        {
            joining.Add(new StoredMention(InsertMention(doc.Mentions[i], i), doc.Mentions[i].Mention));
        }

        return exists ? WriteOutcome.Replaced : WriteOutcome.Stored;
    }

    private long InsertMention(MentionRow row, int ordinal)
    {
        var mention = row.Mention;
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
            ("@json", row.RecordJson)).ExecuteScalar();
        return Convert.ToInt64(id, CultureInfo.InvariantCulture);
    }

    private static EventRecord Deserialize(string json, string key) =>
        RasidJson.ReadEventRecord(json) ?? throw new InvalidDataException($"{key}: empty record_json");

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static int? NullableInt(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
