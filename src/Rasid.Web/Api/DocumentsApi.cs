using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Rasid.Ingestion;
using Rasid.Storage;
using Rasid.Web.Events;
using Rasid.Web.Hosting;

namespace Rasid.Web.Api;

/// <summary>A document sent as JSON to POST /api/extract or /api/documents: <c>text</c> or <c>html</c>, and optional metadata.</summary>
internal sealed record DocumentBody
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("html")]
    public string? Html { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("publisher")]
    public string? Publisher { get; init; }

    /// <summary>Publication date, yyyy-MM-dd: relative dates (أمس، الجمعة الماضية) resolve against it.</summary>
    [JsonPropertyName("published")]
    public string? Published { get; init; }
}

/// <summary>The endpoints that take documents: extract without storing, and ingest (API key required).</summary>
internal static class DocumentsApi
{
    /// <summary>The header that carries the API key for POST /api/documents.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    public static void MapDocumentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/extract", Extract).WithName("Extract")
            .WithSummary("Extracts events from one article (text/plain, text/html, or JSON {text|html, published, title}); nothing is stored.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .DisableAntiforgery();
        api.MapPost("/documents", Ingest).WithName("IngestDocuments")
            .WithSummary("Extracts and stores documents (one JSON object, an array of them, text/plain or text/html); needs the X-Api-Key header.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
    }

    private static async Task<Results<Ok<ExtractResponse>, ProblemHttpResult>> Extract(HttpContext context, ExtractionService extraction, ServerOptions options)
    {
        var (documents, problem) = await ReadDocumentsAsync(context, options, "pasted", allowMany: false).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = extraction.Extract(documents![0]);
        var text = result.Text ?? documents[0].Text;
        return TypedResults.Ok(new ExtractResponse(
            result.DocId, result.Title ?? documents[0].Title, result.Published, result.Relevant, result.RelevanceScore,
            [.. result.Events.Select(e => new ExtractedEvent(e, EvidenceMarker.Mark(e, text, withContext: false)))]));
    }

    private static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> Ingest(HttpContext context, ExtractionService extraction, ServerOptions options)
    {
        if (!options.IngestEnabled)
        {
            return ApiProblems.Problem(
                StatusCodes.Status403Forbidden, ApiErrorCodes.IngestDisabled, "Ingest is off", "No API key is configured (Rasid:ApiKey), so the server is read-only.");
        }

        var sent = context.Request.Headers[ApiKeyHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(options.ApiKey!)))
        {
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized, "API key required", $"Send the configured key in the {ApiKeyHeader} header.");
        }

        var (documents, problem) = await ReadDocumentsAsync(context, options, null, allowMany: true).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var summary = await extraction.IngestAsync(documents!, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new IngestResponse(
            summary.Seen, summary.Stored, summary.SkippedSameId, summary.SkippedSameContent, summary.Mentions, [.. documents!.Select(d => d.Id)]));
    }

    /// <summary>Reads the body (at most the configured size) into documents; a problem instead when it is too large, of a wrong type, or empty.</summary>
    private static async Task<(List<SourceDocument>? Documents, ProblemHttpResult? Problem)> ReadDocumentsAsync(
        HttpContext context, ServerOptions options, string? defaultId, bool allowMany)
    {
        var request = context.Request;
        var mediaType = (request.ContentType ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not ("text/plain" or "text/html" or "application/json"))
        {
            return (null, ApiProblems.Problem(
                StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType, "Unsupported media type",
                $"Send text/plain, text/html or application/json, not '{request.ContentType}'."));
        }

        var body = await ReadBodyAsync(request, options.MaxRequestBytes).ConfigureAwait(false);
        if (body is null)
        {
            return (null, ApiProblems.TooLarge(options.MaxRequestBytes));
        }

        var query = request.Query;
        try
        {
            var published = ParseDate("published", query["published"].ToString());
            List<SourceDocument> documents;
            if (mediaType == "application/json")
            {
                documents = ParseJson(body, defaultId, allowMany);
            }
            else
            {
                var origin = mediaType == "text/html" ? "request.html" : "request.txt";
                var items = DocumentParser.Parse(origin, body, new IngestOptions { DefaultPublished = published }).ToList();
                if (items.FirstOrDefault(i => i.Error is not null).Error is { } error)
                {
                    return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrorCodes.EmptyDocument, "No document text", error.Message));
                }

                documents = [.. items.Select(i => i.Document!)];
                documents = [.. documents.Select(d => d with
                {
                    Id = Text(query["id"]) ?? defaultId ?? DefaultId(d.Text),
                    Title = Text(query["title"]) ?? d.Title,
                    Url = Text(query["url"]) ?? d.Url,
                    Publisher = Text(query["publisher"]) ?? d.Publisher,
                    Published = d.Published ?? published,
                    Origin = "http",
                })];
            }

            if (documents.Count == 0 || documents.Any(d => string.IsNullOrWhiteSpace(d.Text)))
            {
                return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, ApiErrorCodes.EmptyDocument, "No document text", "The body holds no text to extract from."));
            }

            return (documents, null);
        }
        catch (ApiParameterException ex)
        {
            return (null, ApiProblems.InvalidParameter(ex.Parameter, ex.Message));
        }
    }

    /// <summary>The body's bytes, or null when it is larger than <paramref name="limit"/> (by Content-Length or as read).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    private static List<SourceDocument> ParseJson(byte[] body, string? defaultId, bool allowMany)
    {
        List<DocumentBody> parsed;
        try
        {
            using var json = JsonDocument.Parse(body);
            parsed = json.RootElement.ValueKind switch
            {
                JsonValueKind.Object => [json.RootElement.Deserialize<DocumentBody>()!],
                JsonValueKind.Array when allowMany => json.RootElement.Deserialize<List<DocumentBody>>() ?? [],
                _ => throw new ApiParameterException("body", allowMany ? "the JSON body must be a document object or an array of them" : "the JSON body must be one document object"),
            };
        }
        catch (JsonException ex)
        {
            throw new ApiParameterException("body", "the body is not valid JSON: " + ex.Message);
        }

        var documents = new List<SourceDocument>();
        foreach (var d in parsed)
        {
            var published = ParseDate("published", d.Published);
            string text;
            string? title = d.Title, url = d.Url, publisher = d.Publisher;
            if (!string.IsNullOrWhiteSpace(d.Html))
            {
                var page = HtmlExtractor.Extract(d.Html);
                text = page.Text;
                title ??= page.Title;
                url ??= page.Url;
                publisher ??= page.Publisher;
                published ??= page.Published;
            }
            else
            {
                text = d.Text ?? string.Empty;
            }

            documents.Add(new SourceDocument
            {
                Id = Text(d.Id) ?? defaultId ?? DefaultId(text),
                Text = text,
                Title = title,
                Url = url,
                Publisher = publisher,
                Published = published,
                Origin = "http",
            });
        }

        return documents;
    }

    private static DateOnly? ParseDate(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ApiParameterException(name, $"'{name}' needs a date as yyyy-MM-dd, not '{value}'");
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An id for a document sent without one: "web-" and the start of its content hash, so resending it is a no-op.</summary>
    private static string DefaultId(string text) => "web-" + ContentHashing.Sha256Hex(text)[..16];
}
