namespace Rasid.Web.Hosting;

/// <summary>The web host's settings, read from the configuration section <c>Rasid</c> (e.g. <c>Rasid__ApiKey</c> in the environment).</summary>
internal sealed record ServerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Rasid";

    /// <summary>The address used when none is configured: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

    /// <summary>The SQLite database to serve (created by `rasid ingest`, or by POST /api/documents).</summary>
    public string Database { get; init; } = "rasid.db";

    /// <summary>Key that POST /api/documents requires in the X-Api-Key header; ingest over HTTP is off when empty.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Optional tile URL template for the map (e.g. a local tile server); the bundled country boundaries are used when empty.</summary>
    public string? TileUrl { get; init; }

    /// <summary>Largest request body accepted, in bytes (413 beyond).</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>Most events one page of GET /api/events may hold.</summary>
    public int MaxPageSize { get; init; } = 5000;

    /// <summary>True when POST /api/documents is enabled.</summary>
    public bool IngestEnabled => !string.IsNullOrEmpty(ApiKey);
}
