using Rasid.Dedup;
using Rasid.Records;
using Rasid.Storage;
using Rasid.Web.Events;

namespace Rasid.Web.Api;

/// <summary>One event in a list: the fields a table, a map marker and a filter need.</summary>
internal sealed record EventListItem(
    string Id,
    string? Date,
    string EventType,
    string SubEventType,
    string? Country,
    string? Iso2,
    string? Admin1,
    string? Admin1Code,
    string? Admin2,
    string? Location,
    string? LocationAr,
    double? Latitude,
    double? Longitude,
    int? GeoPrecision,
    int? Fatalities,
    int? Injured,
    int? Captured,
    int? Released,
    string? Actor1,
    string? Actor1Ar,
    string? Actor2,
    string? Actor2Ar,
    bool CivilianTargeting,
    int SourceCount,
    string? Notes)
{
    public static EventListItem From(IndexedEvent e)
    {
        var r = e.Row.Record;
        return new EventListItem(
            e.Row.EventIdCnty, e.Row.EventDate, r.EventType, r.SubEventType, r.Country, r.Iso2, r.Admin1, r.Admin1Code, r.Admin2, r.Location, r.LocationAr,
            r.Latitude, r.Longitude, r.GeoPrecision, r.Fatalities, r.Injured, r.Captured, r.Released, r.Actor1?.Name, r.Actor1?.NameAr, r.Actor2?.Name,
            r.Actor2?.NameAr, r.CivilianTargeting, e.Row.SourceCount, r.Notes);
    }
}

/// <summary>The answer of GET /api/events.</summary>
internal sealed record EventListResponse(int Total, int Page, int PageSize, IReadOnlyList<EventListItem> Items);

/// <summary>One report merged into an event: its document and its own record, with the evidence laid out and marked.</summary>
internal sealed record SourceView(
    string Mention,
    string DocumentId,
    string? Title,
    string? Publisher,
    string? Url,
    string? Published,
    bool GaveFatalities,
    EventRecord Record,
    MarkedEvidence Evidence);

/// <summary>The answer of GET /api/events/{id}: every field of the merged event and every source.</summary>
internal sealed record EventDetail(
    string Id,
    string? Date,
    long Timestamp,
    EventRecord Record,
    CountSources CountSources,
    IReadOnlyList<SourceView> Sources);

/// <summary>One event found by POST /api/extract, with its evidence marked.</summary>
internal sealed record ExtractedEvent(EventRecord Record, MarkedEvidence Evidence);

/// <summary>The answer of POST /api/extract (nothing is stored).</summary>
internal sealed record ExtractResponse(string DocId, string? Title, string? Published, bool Relevant, double RelevanceScore, IReadOnlyList<ExtractedEvent> Events);

/// <summary>The answer of POST /api/documents.</summary>
internal sealed record IngestResponse(long Received, long Stored, long SkippedSameId, long SkippedSameContent, long Mentions, IReadOnlyList<string> DocumentIds);

/// <summary>The answer of GET /api/info: what the dashboard needs to know about the server.</summary>
internal sealed record ServerInfo(string Database, bool DatabaseExists, int Events, bool IngestEnabled, string? TileUrl, long MaxRequestBytes, string Version);
