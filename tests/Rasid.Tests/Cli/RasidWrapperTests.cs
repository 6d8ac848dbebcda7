using System.Diagnostics;
using Rasid.Tests.Storage;

namespace Rasid.Tests.Cli;

/// <summary>
/// Issue 13, observation 9: the ./rasid wrapper rebuilds only when a source or data file changed, not when `dotnet test`
/// writes build outputs under src/*/bin and obj. The wrapper runs in a scratch copy of the layout with a fake `dotnet`
/// that logs each build; the "native binary" it publishes logs each run.
/// </summary>
[Trait("Issue", "13")]
public class RasidWrapperTests
{
    private const string FakeDotnet = """
        #!/usr/bin/env bash
        if [ "$1" = build ] || [ "$1" = publish ]; then
          echo build >> "$FAKE_LOG"
          while [ $# -gt 0 ]; do
            if [ "$1" = -o ]; then
              mkdir -p "$2"; touch "$2/Rasid.Web.dll"
              printf '#!/usr/bin/env bash\necho run >> "$FAKE_LOG"\n' > "$2/Rasid.Cli"; chmod +x "$2/Rasid.Cli"
            fi
            shift
          done
          exit 0
        fi
        echo "unexpected: dotnet $*" >> "$FAKE_LOG"
        """;

    private static string RunWrapper(TempFolder temp, string command = "--help")
    {
        var log = temp.File("log");
        File.WriteAllText(log, string.Empty);
        var start = new ProcessStartInfo("bash", [temp.File("repo/rasid"), command]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["PATH"] = temp.File("bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_LOG"] = log;
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return string.Join(" ", File.ReadAllLines(log));
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void The_wrapper_rebuilds_for_changed_sources_or_data_only()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // a bash script
        }

        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("repo"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "wrapper", "rasid"), temp.File("repo/rasid"));
        Write(temp.File("repo/src/Rasid.Cli/Program.cs"), "// v1");
        Write(temp.File("repo/data/events/triggers.tsv"), "word\n");
        Write(temp.File("repo/Directory.Build.props"), "<Project />");
        Write(temp.File("bin/dotnet"), FakeDotnet.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.SetUnixFileMode(temp.File("bin/dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        Assert.Equal("build run", RunWrapper(temp)); // first run
        Assert.Equal("run", RunWrapper(temp));

        // What `dotnet test` leaves behind: build outputs under src/*/bin and obj, npm packages and the files copied from them.
        Write(temp.File("repo/src/Rasid.Cli/obj/Release/net10.0/Rasid.Cli.dll"), "x");
        Write(temp.File("repo/src/Rasid.Cli/bin/Release/net10.0/Rasid.Cli.dll"), "x");
        Write(temp.File("repo/src/Rasid.Web/client/node_modules/leaflet/leaflet.js"), "x");
        Write(temp.File("repo/src/Rasid.Web/wwwroot/vendor/leaflet.js"), "x");
        Assert.Equal("run", RunWrapper(temp));

        // The compiled snapshots a run writes beside the data it reads (issue 16), here with RASID_DATA=data.
        Write(temp.File("repo/data/.compiled/gazetteer.bin"), "x");
        Assert.Equal("run", RunWrapper(temp));

        Write(temp.File("repo/src/Rasid.Cli/Program.cs"), "// v2, changed");
        Assert.Equal("build run", RunWrapper(temp));

        Write(temp.File("repo/data/events/triggers.tsv"), "word\nanother\n");
        Assert.Equal("build run", RunWrapper(temp));
        Assert.Equal("run", RunWrapper(temp));

        // `rasid serve` also publishes the web host the native binary starts, once, and again after a change.
        Assert.Equal("build run", RunWrapper(temp, "serve"));
        Assert.Equal("run", RunWrapper(temp, "serve"));
        Write(temp.File("repo/src/Rasid.Cli/Program.cs"), "// v3");
        Assert.Equal("build build run", RunWrapper(temp, "serve"));
        Assert.Equal("run", RunWrapper(temp));
    }
}
