using System.Globalization;
using Rasid.Ingestion;

namespace Rasid.Cli.Input;

/// <summary>The input options `rasid extract` and `rasid ingest` share (limits, stdin), parsed from the command line.</summary>
internal static class InputOptions
{
    /// <summary>The option's line in the commands' help.</summary>
    public static readonly string MaxCharsHelp = string.Create(
        CultureInfo.InvariantCulture,
        $"  --max-chars N      refuse a document longer than N characters of text (default {IngestOptions.DefaultMaxTextLength:N0}); it is named on stderr and the batch goes on");

    /// <summary>The --threads option's line in the commands' help.</summary>
    public const string ThreadsHelp = "  --threads N        documents extracted at once (default: one per processor); 1 extracts one after another";

    /// <summary>Reads --threads: how many documents are extracted at once (default: one per processor).</summary>
    public static int Threads(ArgReader reader)
    {
        if (reader.Value("--threads") is not { } text)
        {
            return Rasid.Pipeline.OrderedParallel.DefaultThreads;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 256
            ? n
            : throw new UsageException($"--threads needs a number of threads from 1 to 256, not '{text}'");
    }

    /// <summary>Reads --max-chars into <paramref name="options"/>.</summary>
    public static IngestOptions WithLimits(IngestOptions options, ArgReader reader)
    {
        if (reader.Value("--max-chars") is not { } text)
        {
            return options;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? options with { MaxTextLength = n }
            : throw new UsageException($"--max-chars needs a positive number of characters, not '{text}'");
    }

    /// <summary>
    /// With no PATH the command reads stdin; when stdin is a terminal that would wait in silence, so the command stops with a
    /// hint instead (a usage error).
    /// </summary>
    public static void RefuseTerminalStdin(IReadOnlyList<string> positional, CliConsole console, string verb)
    {
        if (positional.Count == 0 && console.WaitsForTyping)
        {
            throw new UsageException($"no input: give files or folders (rasid {verb} samples/), or pipe documents in (cat article.txt | rasid {verb} -)");
        }
    }
}
