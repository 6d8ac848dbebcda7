using Rasid.Cli.Commands;

namespace Rasid.Cli;

/// <summary>Entry point shared by Program and the CLI tests: dispatches the verb to its command.</summary>
internal static class CliApp
{
    internal static readonly ICommand[] Commands =
    [
        new ExtractCommand(),
        new EvalCommand(),
        new PlacesCommand(),
        new IngestCommand(),
        new EventsCommand(),
        new ExportCommand(),
        new EnqueueCommand(),
        new WorkerCommand(),
        new QueueCommand(),
        new ServeCommand(),
    ];

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, new CliConsole(stdin, stdout, stderr));

    /// <summary>Runs the command <paramref name="args"/> name on <paramref name="console"/> (tests set its stdin bytes or terminal state).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var (stdout, stderr) = (console.Out, console.Error);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            WriteUsage(stdout);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            await stderr.WriteLineAsync($"rasid: unknown command '{args[0]}'. Run 'rasid --help'.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        try
        {
            return await command.RunAsync(args[1..], console).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            await stderr.WriteLineAsync($"rasid {command.Name}: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }
    }

    private static void WriteUsage(TextWriter stdout)
    {
        stdout.WriteLine("rasid: Arabic news to ACLED-style conflict events");
        stdout.WriteLine();
        stdout.WriteLine("Commands:");
        foreach (var c in Commands)
        {
            stdout.WriteLine($"  {c.Name,-10} {c.Summary}");
        }

        stdout.WriteLine();
        stdout.WriteLine("Run 'rasid COMMAND --help' for a command's options.");
        stdout.WriteLine("Exit codes: 0 ok, 1 usage, 2 some input failed, 3 storage error.");
    }
}

/// <summary>Documented process exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Usage = 1;
    public const int InputFailed = 2;
    public const int Storage = 3;
}

/// <summary>The streams a command talks to (real console or test buffers).</summary>
internal sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Raw stdin bytes, when a test injects them; null means read <see cref="In"/> (or the process's stdin when <see cref="In"/> is the console).</summary>
    public Stream? InputStream { get; init; }

    /// <summary>Whether stdin is an interactive terminal (nothing piped in); null: ask the process's console. Tests set it.</summary>
    public bool? StdinIsTerminal { get; init; }

    /// <summary>True when reading stdin would wait for someone to type: a terminal, not a pipe, file or test buffer.</summary>
    public bool WaitsForTyping => StdinIsTerminal ?? (InputStream is null && ReferenceEquals(In, Console.In) && !Console.IsInputRedirected);
}

/// <summary>A `rasid` verb.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    Task<int> RunAsync(string[] args, CliConsole console);
}

/// <summary>Thrown for bad command-line usage; printed without a stack trace, exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
