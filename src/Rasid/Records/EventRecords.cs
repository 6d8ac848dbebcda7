using System.Text.Json.Serialization;

namespace Rasid.Records;

/// <summary>One document's extraction result: the JSON object written per document (see docs/event-schema.md).</summary>
public sealed record DocumentResult
{
    /// <summary>The input document's id.</summary>
    [JsonPropertyName("doc_id")]
    public required string DocId { get; init; }

    /// <summary>Publication date (ISO yyyy-MM-dd) or null.</summary>
    [JsonPropertyName("published")]
    public string? Published { get; init; }

    /// <summary>Headline when the input had one.</summary>
    [JsonPropertyName("title")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; init; }

    /// <summary>Source URL when known.</summary>
    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; init; }

    /// <summary>Publisher when known.</summary>
    [JsonPropertyName("publisher")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Publisher { get; init; }

    /// <summary>True when the document reports conflict events (a coder would read it).</summary>
    [JsonPropertyName("relevant")]
    public bool Relevant { get; init; }

    /// <summary>Relevance score in [0, 1]; <see cref="Relevant"/> is this score over the threshold.</summary>
    [JsonPropertyName("relevance_score")]
    public double RelevanceScore { get; init; }

    /// <summary>The events found, in document order.</summary>
    [JsonPropertyName("events")]
    public IReadOnlyList<EventRecord> Events { get; init; } = [];

    /// <summary>The cleaned text that evidence offsets refer to (only with --with-text).</summary>
    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}

/// <summary>An actor as coded on an event.</summary>
public sealed record ActorRecord
{
    /// <summary>Canonical English name in ACLED's style.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Canonical Arabic name.</summary>
    [JsonPropertyName("name_ar")]
    public string? NameAr { get; init; }

    /// <summary>ACLED inter code (1 state forces … 8 external/other forces).</summary>
    [JsonPropertyName("inter")]
    public int Inter { get; init; }

    /// <summary>The surface text in the document.</summary>
    [JsonPropertyName("mention")]
    public string? Mention { get; init; }

    /// <summary>Where <see cref="Mention"/> stands in the cleaned text (code points, like the evidence); null when inferred.</summary>
    [JsonPropertyName("span")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceRecord? Span { get; init; }

    /// <summary>
    /// True when no words of the text name this actor for the event: an unnamed perpetrator coded "Unidentified Armed
    /// Group ({country})", or a side taken from the rest of the document. Such an actor has no <see cref="Span"/>.
    /// </summary>
    [JsonPropertyName("inferred")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Inferred { get; init; }
}

/// <summary>
/// Where an event's place, date and counts were read: offsets in code points into the cleaned text, like the evidence.
/// A field has no span when it is null or inferred (see <see cref="EventRecord.Inferred"/>).
/// </summary>
public sealed record FieldSpans
{
    /// <summary>The place name the location was resolved from.</summary>
    [JsonPropertyName("location")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceRecord? Location { get; init; }

    /// <summary>The date expression (date_text).</summary>
    [JsonPropertyName("date")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceRecord? Date { get; init; }

    /// <summary>The figures the fatalities were counted from (the first to the last word of those figures).</summary>
    [JsonPropertyName("fatalities")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceRecord? Fatalities { get; init; }

    /// <summary>The figures the injured were counted from.</summary>
    [JsonPropertyName("injured")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceRecord? Injured { get; init; }

    /// <summary>The figures the captured were counted from.</summary>
    [JsonPropertyName("captured")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceRecord? Captured { get; init; }

    /// <summary>The figures the released were counted from.</summary>
    [JsonPropertyName("released")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvidenceRecord? Released { get; init; }
}

/// <summary>Offsets, in Unicode code points, into the cleaned document text.</summary>
public sealed record EvidenceRecord
{
    /// <summary>0-based code-point index of the first character.</summary>
    [JsonPropertyName("start")]
    public int Start { get; init; }

    /// <summary>0-based code-point index one past the last character (exclusive).</summary>
    [JsonPropertyName("end")]
    public int End { get; init; }

    /// <summary>The evidence text itself, for reading without the document.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; init; }
}

/// <summary>One event as extracted from one document, with the fields of docs/event-schema.md.</summary>
public sealed record EventRecord
{
    /// <summary>ACLED event type.</summary>
    [JsonPropertyName("event_type")]
    public required string EventType { get; init; }

    /// <summary>ACLED sub-event type.</summary>
    [JsonPropertyName("sub_event_type")]
    public required string SubEventType { get; init; }

    /// <summary>Resolved date (ISO) or null.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; init; }

    /// <summary>1 exact day, 2 within a week, 3 within a month; null when no date.</summary>
    [JsonPropertyName("date_precision")]
    public int? DatePrecision { get; init; }

    /// <summary>The date expression as written, or null when the text states none.</summary>
    [JsonPropertyName("date_text")]
    public string? DateText { get; init; }

    /// <summary>The perpetrator / first side; null when the text names none.</summary>
    [JsonPropertyName("actor1")]
    public ActorRecord? Actor1 { get; init; }

    /// <summary>Actors acting with actor1.</summary>
    [JsonPropertyName("assoc_actor_1")]
    public IReadOnlyList<ActorRecord> AssocActor1 { get; init; } = [];

    /// <summary>The target / second side.</summary>
    [JsonPropertyName("actor2")]
    public ActorRecord? Actor2 { get; init; }

    /// <summary>Actors acting with actor2.</summary>
    [JsonPropertyName("assoc_actor_2")]
    public IReadOnlyList<ActorRecord> AssocActor2 { get; init; } = [];

    /// <summary>Country name.</summary>
    [JsonPropertyName("country")]
    public string? Country { get; init; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    [JsonPropertyName("iso2")]
    public string? Iso2 { get; init; }

    /// <summary>First-level unit name.</summary>
    [JsonPropertyName("admin1")]
    public string? Admin1 { get; init; }

    /// <summary>ISO 3166-2 code of the first-level unit.</summary>
    [JsonPropertyName("admin1_code")]
    public string? Admin1Code { get; init; }

    /// <summary>Second-level unit name.</summary>
    [JsonPropertyName("admin2")]
    public string? Admin2 { get; init; }

    /// <summary>Third-level unit name.</summary>
    [JsonPropertyName("admin3")]
    public string? Admin3 { get; init; }

    /// <summary>Location name (English).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; init; }

    /// <summary>Location as written in the text.</summary>
    [JsonPropertyName("location_ar")]
    public string? LocationAr { get; init; }

    /// <summary>WGS84 latitude.</summary>
    [JsonPropertyName("latitude")]
    public double? Latitude { get; init; }

    /// <summary>WGS84 longitude.</summary>
    [JsonPropertyName("longitude")]
    public double? Longitude { get; init; }

    /// <summary>1 the place itself, 2 near/part of, 3 province only.</summary>
    [JsonPropertyName("geo_precision")]
    public int? GeoPrecision { get; init; }

    /// <summary>All dead, both sides; null when not stated.</summary>
    [JsonPropertyName("fatalities")]
    public int? Fatalities { get; init; }

    /// <summary>Injured; null when not stated.</summary>
    [JsonPropertyName("injured")]
    public int? Injured { get; init; }

    /// <summary>Taken prisoner or abducted; null when not stated.</summary>
    [JsonPropertyName("captured")]
    public int? Captured { get; init; }

    /// <summary>Prisoners freed; null when not stated.</summary>
    [JsonPropertyName("released")]
    public int? Released { get; init; }

    /// <summary>True when civilians were the target.</summary>
    [JsonPropertyName("civilian_targeting")]
    public bool CivilianTargeting { get; init; }

    /// <summary>ACLED-style tags (e.g. "prisoner release").</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>One English sentence built from the fields.</summary>
    [JsonPropertyName("notes")]
    public string? Notes { get; init; }

    /// <summary>Where the text states the event.</summary>
    [JsonPropertyName("evidence")]
    public required EvidenceRecord Evidence { get; init; }

    /// <summary>The trigger word(s) that started the event, as written.</summary>
    [JsonPropertyName("trigger")]
    public string? Trigger { get; init; }

    /// <summary>Where the place, date and counts were read in the text (actors carry their own span); null when none was.</summary>
    [JsonPropertyName("spans")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FieldSpans? Spans { get; init; }

    /// <summary>
    /// The fields no words of the text state for this event, by schema name: "date" (the day of the article's lead or the
    /// publication date, as a news report's undated events are dated by default), "actor1", "actor2", "location"; null
    /// when every field was read.
    /// </summary>
    [JsonPropertyName("inferred")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Inferred { get; init; }

    /// <summary>
    /// This record without field spans (actors keep their inferred marker): a record merged from the reports of several
    /// documents has no one text its spans could point into (each report's own record keeps them).
    /// </summary>
    public EventRecord WithoutSpans()
    {
        static ActorRecord? Strip(ActorRecord? a) => a is null ? null : a with { Span = null };
        return this with
        {
            Actor1 = Strip(Actor1),
            Actor2 = Strip(Actor2),
            AssocActor1 = AssocActor1.Select(a => Strip(a)!).ToList(),
            AssocActor2 = AssocActor2.Select(a => Strip(a)!).ToList(),
            Spans = null,
        };
    }

    /// <summary>
    /// This record with two different sides, as ACLED codes an event: when actor2 names the same actor as actor1, the
    /// first associated actor of the second side that differs takes its place (else actor2 is null), and no associated
    /// actor repeats a side.
    /// </summary>
    public EventRecord WithDistinctSides()
    {
        var first = Actor1?.Name;
        var second = Actor2;
        var assoc2 = AssocActor2.Where(a => a.Name != first).ToList();
        if (second is not null && second.Name == first)
        {
            second = assoc2.Count > 0 ? assoc2[0] : null;
            if (second is not null)
            {
                assoc2.RemoveAt(0);
            }
        }

        assoc2.RemoveAll(a => a.Name == second?.Name);
        var assoc1 = AssocActor1.Where(a => a.Name != first && a.Name != second?.Name).ToList();
        if (ReferenceEquals(second, Actor2) && assoc1.Count == AssocActor1.Count && assoc2.Count == AssocActor2.Count)
        {
            return this;
        }

        var inferred = Inferred?.Where(f => f != "actor2" || second is { Inferred: true }).ToList();
        return this with
        {
            Actor2 = second,
            AssocActor1 = assoc1,
            AssocActor2 = assoc2,
            Inferred = inferred is { Count: > 0 } ? inferred : null,
        };
    }
}
