using System.Globalization;
using Rasid.Cli.Storage;
using Rasid.Storage;
using Rasid.Storage.Exports;
using Spectre.Console;

namespace Rasid.Cli.Commands;

/// <summary>`rasid events`: list merged events from the database as a table or JSON Lines.</summary>
internal sealed class EventsCommand : ICommand
{
    public string Name => "events";

    public string Summary => "list merged events from the database (table or JSON Lines)";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h" }, new HashSet<string>([.. StoreCli.FilterOptions, "--format"], StringComparer.Ordinal));
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync("usage: rasid events " + StoreCli.FilterUsage + " [--format table|jsonl]").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var format = reader.Value("--format") ?? "table";
        if (format is not ("table" or "jsonl"))
        {
            throw new UsageException($"--format must be table or jsonl, not '{format}'");
        }

        if (await StoreCli.LoadEventsAsync(reader, console, "events").ConfigureAwait(false) is not { } events)
        {
            return ExitCodes.Storage;
        }

        if (format == "jsonl")
        {
            using var buffer = new MemoryStream();
            EventExporter.Write(ExportFormat.JsonLines, events, buffer);
            await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        ansi.Profile.Width = 200;
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in new[] { "event_id", "date", "type", "sub-type", "admin1", "location", "actor1", "actor2", "fatalities", "sources" })
        {
            table.AddColumn(column);
        }

        foreach (var e in events)
        {
            var r = e.Event.Record;
            table.AddRow(
                Markup.Escape(e.EventIdCnty),
                Markup.Escape(e.EventDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"),
                Markup.Escape(r.EventType),
                Markup.Escape(r.SubEventType),
                Markup.Escape(r.Admin1Code ?? string.Empty),
                Markup.Escape(r.Location ?? r.LocationAr ?? string.Empty),
                Markup.Escape(r.Actor1?.Name ?? string.Empty),
                Markup.Escape(r.Actor2?.Name ?? string.Empty),
                (r.Fatalities ?? 0).ToString(CultureInfo.InvariantCulture),
                e.Event.Sources.Count.ToString(CultureInfo.InvariantCulture));
        }

        ansi.Write(table);
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{events.Count} events")).ConfigureAwait(false);
        var undated = events.Count(e => e.EventDate is null);
        if (undated > 0)
        {
            // Say why a date is '?': the text states none and its documents had no publication date to fall back on.
            await console.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{undated} without a date (?): their text states none and their documents have no publication date; pass one with rasid ingest --published YYYY-MM-DD (add --reextract for documents already stored)")).ConfigureAwait(false);
        }
        return ExitCodes.Ok;
    }
}
