using Rasid.Cli.Input;
using Rasid.Ingestion;
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
        var paths = reader.Positional.Count == 0 ? ["-"] : reader.Positional;
        using var stdin = Console.OpenStandardInput();
        foreach (var item in InputCollector.Read(paths, stdin, new IngestOptions()))
        {
            if (item.Error is { } error)
            {
                failed = true;
                await console.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
                continue;
            }

            await console.Out.WriteLineAsync(RasidJson.ToJsonLine(pipeline.Extract(item.Document!, reader.Flag("--with-text")))).ConfigureAwait(false);
        }

        return failed ? ExitCodes.InputFailed : ExitCodes.Ok;
    }
}
