using System.Globalization;
using System.Text;
using Rasid.Data;
using Rasid.Places;
using Rasid.Text;

namespace Rasid.Cli.Commands;

/// <summary>`rasid places TEXT|FILE`: every place mention with its span, its candidates and the choice with its reason.</summary>
internal sealed class PlacesCommand : ICommand
{
    public string Name => "places";

    public string Summary => "show the place names of a text (or file), their gazetteer candidates and the choice";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--help", "-h" }, new HashSet<string> { "--country", "--candidates" });
        if (reader.Flag("--help") || reader.Flag("-h") || reader.Positional.Count == 0)
        {
            await console.Out.WriteLineAsync("usage: rasid places TEXT|FILE|- [--country YE,SY] [--candidates N]").ConfigureAwait(false);
            return reader.Positional.Count == 0 && !reader.Flag("--help") && !reader.Flag("-h") ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var input = string.Join(' ', reader.Positional);
        string text;
        if (input == "-")
        {
            text = await console.In.ReadToEndAsync().ConfigureAwait(false);
        }
        else if (reader.Positional.Count == 1 && File.Exists(input))
        {
            text = await File.ReadAllTextAsync(input, Encoding.UTF8).ConfigureAwait(false);
        }
        else
        {
            text = input;
        }

        var hints = (reader.Value("--country") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant())
            .ToList();
        var shown = int.TryParse(reader.Value("--candidates") ?? "5", NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 5;

        var resolver = PlaceResolver.Load(DirectoryDataSource.Default());
        var analyzed = AnalyzedText.Analyze(text);
        var analysis = resolver.Analyze(analyzed, hints);
        await console.Out.WriteLineAsync($"document country: {analysis.DocumentCountry ?? "unknown"}").ConfigureAwait(false);
        foreach (var m in analysis.Details)
        {
            var span = analyzed.Normalized.ToOriginal(m.Span);
            var surface = analyzed.Original[span.Start..span.End];
            var head = string.Create(CultureInfo.InvariantCulture, $"[{span.Start}..{span.End}) {surface}");
            if (m.Resolved is { } r)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{head} -> {r.Location} ({r.FeatureType}), {r.Admin2 ?? "-"}, {r.Admin1 ?? "-"} {r.Admin1Code ?? "-"}, {r.Country}; precision {r.GeoPrecision}; {r.Latitude:0.####},{r.Longitude:0.####}; {m.Reason}{Role(m)}")).ConfigureAwait(false);
            }
            else
            {
                await console.Out.WriteLineAsync($"{head} -> none; {m.Reason}").ConfigureAwait(false);
            }

            foreach (var c in m.Candidates.Take(shown))
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"      {c.Score,6:0.0}  {c.Place}")).ConfigureAwait(false);
            }

            if (m.Candidates.Count > shown)
            {
                await console.Out.WriteLineAsync($"      ... {m.Candidates.Count - shown} more").ConfigureAwait(false);
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>How the mention relates to the reported act, when not simply "where" (event placing skips these).</summary>
    private static string Role(PlaceMention m) =>
        m.IsDestination ? "; a destination"
        : m.IsReferencePoint ? "; an origin or landmark"
        : m.IsReportingSource ? "; where it was reported"
        : string.Empty;
}
