using System.Text;
using System.Text.Json;
using Rasid.Documents;
using Rasid.Lexicons;
using Rasid.Output;
using Rasid.Pipeline;

namespace Rasid.Cli.Commands;

/// <summary>`rasid extract`: documents in, one JSON object per document out.</summary>
internal sealed class ExtractCommand : ICommand
{
    public string Name => "extract";

    public string Summary => "extract events from documents (files, folders or - for stdin) as JSON Lines";

    public async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var reader = new ArgReader(args, new HashSet<string> { "--with-text", "--help", "-h" }, new HashSet<string> { "-o", "--published" });
        if (reader.Flag("--help") || reader.Flag("-h"))
        {
            await console.Out.WriteLineAsync("usage: rasid extract [PATH...|-] [-o FILE] [--published DATE] [--with-text]").ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var pipeline = RasidPipeline.Create(DirectoryDataSource.Default());
        var failed = false;
        var output = new StringBuilder();
        foreach (var path in reader.Positional)
        {
            foreach (var line in await File.ReadAllLinesAsync(path).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    using var json = JsonDocument.Parse(line);
                    var doc = new SourceDocument
                    {
                        Id = json.RootElement.GetProperty("id").GetString() ?? string.Empty,
                        Text = json.RootElement.GetProperty("text").GetString() ?? string.Empty,
                    };
                    output.AppendLine(RasidJson.ToJsonLine(pipeline.Extract(doc, reader.Flag("--with-text"))));
                }
                catch (JsonException ex)
                {
                    failed = true;
                    await console.Error.WriteLineAsync($"{path}: {ex.Message}").ConfigureAwait(false);
                }
            }
        }

        await console.Out.WriteAsync(output.ToString()).ConfigureAwait(false);
        return failed ? ExitCodes.InputFailed : ExitCodes.Ok;
    }
}
