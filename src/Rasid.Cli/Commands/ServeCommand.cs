using Rasid.Cli.Storage;
using Rasid.Web;

namespace Rasid.Cli.Commands;

/// <summary>`rasid serve`: the HTTP API and dashboard over a database (src/Rasid.Web does the work).</summary>
internal sealed class ServeCommand : ICommand
{
    private const string Usage =
        "usage: rasid serve [--db FILE] [--urls URL] [--tile-url TEMPLATE]\n"
        + "  --db        database file (default ./rasid.db; when it is missing and ./samples exists, the samples are ingested first)\n"
        + "  --urls      address to listen on (default http://127.0.0.1:5000, loopback only)\n"
        + "  --tile-url  optional map tile URL template, e.g. http://localhost:8080/{z}/{x}/{y}.png (default: bundled country outlines)\n"
        + "Ingest over HTTP (POST /api/documents) is on only when the environment sets Rasid__ApiKey; send it as X-Api-Key.\n"
        + "API: /api/events, /api/events/{id}, /api/stats, /api/export, /api/extract; OpenAPI at /openapi.json.";

    public string Name => "serve";

    public string Summary => "serve the HTTP API and the dashboard (map, timeline, table, event view)";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h" }, new HashSet<string> { "--db", "--urls", "--tile-url" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        if (reader.Positional.Count > 0)
        {
            throw new UsageException($"unexpected argument '{reader.Positional[0]}'");
        }

        var location = StoreCli.Location(reader);
        if (location.IsPostgres)
        {
            throw new UsageException("rasid serve reads an SQLite database (--db FILE); serving from PostgreSQL is not implemented yet");
        }

        var database = location.SqlitePath!;
        if (!File.Exists(database) && reader.Value("--db") is null && Directory.Exists("samples"))
        {
            // A fresh clone: serve the samples rather than an empty map.
            await console.Error.WriteLineAsync($"rasid serve: no {database} yet; ingesting samples/ into it first").ConfigureAwait(false);
            var ingested = await new IngestCommand().RunAsync(["samples", "--db", database], console).ConfigureAwait(false);
            if (ingested != ExitCodes.Ok)
            {
                return ingested;
            }
        }

        var hostArgs = new List<string> { "--Rasid:Database=" + Path.GetFullPath(database) };
        if (reader.Value("--urls") is { } urls)
        {
            hostArgs.Add("--urls=" + urls);
        }

        if (reader.Value("--tile-url") is { } tiles)
        {
            hostArgs.Add("--Rasid:TileUrl=" + tiles);
        }

        await console.Error.WriteLineAsync($"rasid serve: {Path.GetFullPath(database)} at {reader.Value("--urls") ?? "http://127.0.0.1:5000"} (Ctrl+C stops)").ConfigureAwait(false);
        await RasidServer.RunAsync([.. hostArgs]).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
