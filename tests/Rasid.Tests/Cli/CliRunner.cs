using Rasid.Cli;

namespace Rasid.Tests.Cli;

/// <summary>Runs the CLI entry point in process with captured output: (exit code, stdout, stderr).</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Error)> Run(params string[] args) =>
        await Run(console => console, args);

    /// <summary>Runs with a console the caller adjusts (stdin bytes, a terminal on stdin).</summary>
    public static async Task<(int Code, string Out, string Error)> Run(Func<CliConsole, CliConsole> configure, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, configure(new CliConsole(new StringReader(string.Empty), stdout, stderr)));
        return (code, stdout.ToString(), stderr.ToString());
    }
}
