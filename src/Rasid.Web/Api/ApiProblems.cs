using Microsoft.AspNetCore.Http.HttpResults;

namespace Rasid.Web.Api;

/// <summary>
/// The stable error codes of the HTTP API (RSD5xxx). Every error response is an RFC 9457 problem-details object whose
/// <c>code</c> member carries one of these and whose <c>type</c> is <c>urn:rasid:error:CODE</c>.
/// </summary>
internal static class ApiErrorCodes
{
    /// <summary>Unexpected server fault (500).</summary>
    public const string Internal = "RSD5000";

    /// <summary>A query parameter or body field is malformed or out of range (400).</summary>
    public const string InvalidParameter = "RSD5001";

    /// <summary>No event with this id (404).</summary>
    public const string NotFound = "RSD5002";

    /// <summary>The request body exceeds the configured limit (413).</summary>
    public const string PayloadTooLarge = "RSD5003";

    /// <summary>The body's content type is not accepted by the endpoint (415).</summary>
    public const string UnsupportedMediaType = "RSD5004";

    /// <summary>Ingest over HTTP is off because no API key is configured (403).</summary>
    public const string IngestDisabled = "RSD5005";

    /// <summary>The X-Api-Key header is missing or wrong (401).</summary>
    public const string Unauthorized = "RSD5006";

    /// <summary>The database could not be read or written (503).</summary>
    public const string StorageUnavailable = "RSD5007";

    /// <summary>The body holds no document text (400).</summary>
    public const string EmptyDocument = "RSD5008";
}

/// <summary>Builds the API's problem-details responses.</summary>
internal static class ApiProblems
{
    /// <summary>A problem with <paramref name="code"/> (see <see cref="ApiErrorCodes"/>), an HTTP status and a readable detail.</summary>
    public static ProblemHttpResult Problem(int status, string code, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: "urn:rasid:error:" + code, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult InvalidParameter(string name, string detail) =>
        Problem(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidParameter, "Invalid parameter: " + name, detail);

    public static ProblemHttpResult TooLarge(long limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.PayloadTooLarge, "Request body too large", $"The body exceeds the limit of {limit} bytes.");
}

/// <summary>A request parameter that failed validation; endpoints turn it into a 400 problem.</summary>
internal sealed class ApiParameterException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
