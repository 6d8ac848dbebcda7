using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Rasid.Cli.Storage;
using Rasid.Web;

namespace Rasid.Cli.Commands;

/// <summary>
/// `rasid serve`: the HTTP API and dashboard over a database (src/Rasid.Web does the work). The JIT-compiled CLI hosts it
/// in process. The native (ahead-of-time compiled) CLI that ./rasid builds cannot: the web host needs run-time code
/// generation and reflection, so there it runs the web host published beside the binary (web/Rasid.Web.dll) as a child
/// process on the .NET runtime, with the same arguments, and forwards Ctrl+C and termination to it.
/// </summary>
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
        // A constant for the ahead-of-time compiler: false in the native binary, whose build then leaves the web host out.
        if (RuntimeFeature.IsDynamicCodeSupported)
        {
            await RasidServer.RunAsync([.. hostArgs]).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        return await RunWebHostProcessAsync(hostArgs, console).ConfigureAwait(false);
    }

    /// <summary>The native CLI's serve: `dotnet web/Rasid.Web.dll ARGS` beside the binary, until it exits.</summary>
    private static async Task<int> RunWebHostProcessAsync(List<string> hostArgs, CliConsole console)
    {
        var webHost = Path.Combine(AppContext.BaseDirectory, "web", "Rasid.Web.dll");
        if (!File.Exists(webHost))
        {
            await console.Error.WriteLineAsync($"rasid serve: the web host {webHost} is missing (./rasid serve publishes it beside the CLI)").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet") { UseShellExecute = false };
        start.ArgumentList.Add(webHost);
        foreach (var arg in hostArgs)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + webHost);
        // Ctrl+C reaches the whole foreground process group; a signal sent to this process alone is passed on. Either way
        // this process stays until the web host has shut down.
        void Forward(PosixSignalContext context)
        {
            context.Cancel = true;
            if (!process.HasExited)
            {
                _ = SendSignal(process.Id, context.Signal switch { PosixSignal.SIGINT => 2, PosixSignal.SIGQUIT => 3, _ => 15 });
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Forward);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Forward);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Forward);
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }

    /// <summary>kill(2): sends signal <paramref name="signal"/> to process <paramref name="pid"/> (integers only, so no marshalling code).</summary>
    [DllImport("libc", EntryPoint = "kill")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SendSignal(int pid, int signal);
}
