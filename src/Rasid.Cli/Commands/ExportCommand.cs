using Rasid.Cli.Storage;
using Rasid.Storage;
using Rasid.Storage.Exports;

namespace Rasid.Cli.Commands;

/// <summary>`rasid export`: write merged events as ACLED CSV (plain or extended), GeoJSON or JSON Lines.</summary>
internal sealed class ExportCommand : ICommand
{
    public string Name => "export";

    public string Summary => "export merged events as ACLED CSV, extended CSV, GeoJSON or JSON Lines";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h" }, new HashSet<string>([.. StoreCli.FilterOptions, "--format", "-o"], StringComparer.Ordinal));
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync("usage: rasid export --format acled-csv|acled-csv-extended|geojson|jsonl " + StoreCli.FilterUsage + " [-o FILE]").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var format = EventExporter.ParseFormat(reader.Value("--format"))
            ?? throw new UsageException("--format must be acled-csv, acled-csv-extended, geojson or jsonl");
        if (await StoreCli.LoadEventsAsync(reader, console, "export").ConfigureAwait(false) is not { } events)
        {
            return ExitCodes.Storage;
        }

        if (reader.Value("-o") is { } output)
        {
            try
            {
                if (output.Length == 0 || Directory.Exists(output))
                {
                    throw new IOException(output.Length == 0 ? "no file name given" : "it is a folder; give a file name");
                }

                if (Path.GetDirectoryName(Path.GetFullPath(output)) is { } folder && !Directory.Exists(folder))
                {
                    throw new IOException($"the folder {folder} does not exist");
                }

                AtomicFile.Write(output, stream => EventExporter.Write(format, events, stream));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await console.Error.WriteLineAsync($"rasid export: cannot write '{output}': {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Storage;
            }

            await console.Error.WriteLineAsync($"rasid export: {events.Count} events written to {output}").ConfigureAwait(false);
        }
        else if (ReferenceEquals(console.Out, Console.Out))
        {
            using var stdout = Console.OpenStandardOutput();
            EventExporter.Write(format, events, stdout);
        }
        else
        {
            using var buffer = new MemoryStream();
            EventExporter.Write(format, events, buffer);
            await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }
}
