using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Rasid.Storage.Exports;
using Rasid.Web.Events;
using Rasid.Web.Hosting;

namespace Rasid.Web.Api;

/// <summary>The read-only endpoints: list, one event, statistics, export, server info.</summary>
internal static class EventsApi
{
    public static void MapEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events", ListEvents).WithName("ListEvents")
            .WithSummary("Events matching the filters, sorted and paged, with the total count.");
        api.MapGet("/events/{id}", GetEvent).WithName("GetEvent")
            .WithSummary("One event: every field, every source document, and each source's evidence with the fields' words marked.");
        api.MapGet("/stats", GetStats).WithName("GetStats")
            .WithSummary("Counts and fatalities by day (split by type), type, country and province, for the filters.");
        api.MapGet("/export", Export).WithName("ExportEvents")
            .WithSummary("The events matching the filters, streamed as acled-csv, acled-csv-extended, geojson or jsonl.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv", additionalContentTypes: ["application/geo+json", "application/x-ndjson"])
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/info", GetInfo).WithName("GetInfo")
            .WithSummary("The database served, its event count, whether ingest is on, and the map's tile URL.");
    }

    private static Ok<EventListResponse> ListEvents([AsParameters] EventQueryParameters query, EventCatalog catalog, ServerOptions options)
    {
        var page = catalog.Query(EventFilter.Parse(query, options.MaxPageSize));
        return TypedResults.Ok(new EventListResponse(page.Total, page.Page, page.PageSize, [.. page.Items.Select(EventListItem.From)]));
    }

    private static Results<Ok<EventDetail>, ProblemHttpResult> GetEvent(string id, EventCatalog catalog)
    {
        var reader = catalog.Reader;
        if (reader?.ReadEvent(id) is not { } stored)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, "Event not found", $"No event with id '{id}'.");
        }

        var documents = reader.ReadDocuments(stored.Members.Select(m => m.DocumentId));
        var sources = stored.Members.Select(m =>
        {
            documents.TryGetValue(m.DocumentId, out var doc);
            var evidence = doc is null
                ? new MarkedEvidence(m.Record.Evidence.Start, m.Record.Evidence.End, m.Record.Evidence.Text ?? string.Empty, null, null, [new TextSegment(m.Record.Evidence.Text ?? string.Empty, null)], [], [])
                : EvidenceMarker.Mark(m.Record, doc.Text);
            return new SourceView(
                m.Key, m.DocumentId, doc?.Title, m.Publisher, m.Url, m.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                string.Equals(stored.Event.CountSources.Fatalities, m.Key, StringComparison.Ordinal), m.Record, evidence);
        }).ToList();
        return TypedResults.Ok(new EventDetail(
            stored.EventIdCnty, stored.EventDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stored.Timestamp,
            stored.Event.Record, stored.Event.CountSources, sources));
    }

    private static Ok<EventStats> GetStats([AsParameters] EventQueryParameters query, EventCatalog catalog, ServerOptions options) =>
        TypedResults.Ok(catalog.Stats(EventFilter.Parse(query, options.MaxPageSize)));

    private static Results<EmptyHttpResult, ProblemHttpResult> Export(
        [AsParameters] EventQueryParameters query, string? format, EventCatalog catalog, ServerOptions options, HttpContext context)
    {
        var filter = EventFilter.Parse(query, options.MaxPageSize);
        var parsed = EventExporter.ParseFormat(format ?? "acled-csv");
        if (parsed is not { } exportFormat)
        {
            return ApiProblems.InvalidParameter("format", $"unknown format '{format}' (acled-csv, acled-csv-extended, geojson, jsonl)");
        }

        var rowIds = catalog.Match(filter).Select(e => e.Row.RowId).ToList();
        var (contentType, extension) = exportFormat switch
        {
            ExportFormat.GeoJson => ("application/geo+json", "geojson"),
            ExportFormat.JsonLines => ("application/x-ndjson; charset=utf-8", "jsonl"),
            _ => ("text/csv; charset=utf-8", "csv"),
        };
        context.Response.ContentType = contentType;
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"rasid-events.{extension}\"";

        // The exporter writes synchronously, one event at a time as the reader yields it: allow synchronous writes for this
        // response only, through a buffer so each write is not a network send.
        if (context.Features.Get<IHttpBodyControlFeature>() is { } control)
        {
            control.AllowSynchronousIO = true;
        }

        if (catalog.Reader is { } reader)
        {
            using var buffered = new BufferedStream(context.Response.Body, 64 * 1024);
            EventExporter.Write(exportFormat, reader.ReadEvents(rowIds), buffered);
            buffered.Flush();
        }
        else
        {
            EventExporter.Write(exportFormat, [], context.Response.Body);
        }

        return TypedResults.Empty;
    }

    private static Ok<ServerInfo> GetInfo(EventCatalog catalog, ServerOptions options) =>
        TypedResults.Ok(new ServerInfo(
            catalog.DatabasePath, File.Exists(catalog.DatabasePath), catalog.Events.Count, options.IngestEnabled, options.TileUrl, options.MaxRequestBytes,
            ExtractionService.ExtractorVersion));
}
