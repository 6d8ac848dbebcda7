using System.Diagnostics;

namespace Rasid.Tests.Storage;

/// <summary>Runs the real `rasid` CLI (Rasid.Cli.dll beside the tests) as a child process.</summary>
internal static class CliProcess
{
    /// <summary>Starts the CLI with <paramref name="args"/>; stdout and stderr are redirected.</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Rasid.Cli.dll");
        Assert.True(File.Exists(dll), "Rasid.Cli.dll not found beside the tests: " + dll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs the CLI to the end (at most <paramref name="minutes"/>); returns its exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IEnumerable<string> args, int minutes = 3, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
