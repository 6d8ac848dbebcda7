using System.Globalization;
using System.Text;
using Rasid.Records;
using static Rasid.Tests.Dedup.Events;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Storage;

/// <summary>Crash safety: `rasid ingest` killed mid-run and re-run ends with the same database as a clean run.</summary>
public class IngestKillTests
{
    private const int DocumentCount = 3000;

    [Fact]
    public async Task Killing_ingest_and_running_it_again_gives_the_same_database_as_a_clean_run()
    {
        using var temp = new TempFolder();
        var input = temp.File("results.jsonl");
        WriteInput(input);

        // Given a clean run
        var clean = temp.File("clean.db");
        var (code, _) = await RunCli(["ingest", "--extracted", input, "--db", clean, "--batch-size", "50"], killAfterFirstProgress: false);
        Assert.Equal(0, code);
        Assert.Equal(DocumentCount, Scalar(clean, "SELECT COUNT(*) FROM documents"));

        // When a second run is killed right after its first committed batches
        var crashed = temp.File("crashed.db");
        var (_, killed) = await RunCli(["ingest", "--extracted", input, "--db", crashed, "--batch-size", "50"], killAfterFirstProgress: true);
        Assert.True(killed, "the process finished before it could be killed");
        var partial = Scalar(crashed, "SELECT COUNT(*) FROM documents");
        Assert.InRange(partial, 1, DocumentCount - 1);
        Assert.Equal(0, partial % 50); // whole batches only
        AssertConsistent(crashed);

        // Then re-running completes it, and the contents equal the clean run's
        (code, _) = await RunCli(["ingest", "--extracted", input, "--db", crashed, "--batch-size", "50"], killAfterFirstProgress: false);
        Assert.Equal(0, code);
        AssertConsistent(crashed);
        Assert.Equal(Dump(clean), Dump(crashed));
    }

    /// <summary>Documents reporting ~1,300 events, most of them in two or three outlets with different tolls.</summary>
    private static void WriteInput(string path)
    {
        var admin1 = new[] { ("YE-TA", "Taizz", 13.58, 44.02), ("YE-HD", "Al Hudaydah", 14.80, 42.95), ("YE-MA", "Marib", 15.46, 45.32), ("YE-SH", "Shabwah", 14.54, 46.83) };
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < DocumentCount; i++)
        {
            var group = i / 3;
            var (code, name, lat, lon) = admin1[group % admin1.Length];
            var date = new DateOnly(2024, 1, 1).AddDays(group % 200 * 2);
            var record = Clash(fatalities: (group % 7) + (i % 3)) with
            {
                Admin1Code = code,
                Admin1 = name,
                Admin2 = name + " " + (group % 5).ToString(CultureInfo.InvariantCulture),
                Latitude = lat + (group % 5 * 0.5),
                Longitude = lon,
                Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            var doc = Document("doc" + i.ToString("D5", CultureInfo.InvariantCulture), date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), record)
                with { Text = "خبر رقم " + i.ToString(CultureInfo.InvariantCulture) };
            writer.WriteLine(RasidJson.ToJsonLine(doc));
        }
    }

    private static async Task<(int ExitCode, bool Killed)> RunCli(string[] args, bool killAfterFirstProgress)
    {
        using var process = CliProcess.Start(args);
        var killed = false;
        var stdout = process.StandardOutput.ReadToEndAsync();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (killAfterFirstProgress && line.StartsWith("ingest:", StringComparison.Ordinal) && !process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        return (process.ExitCode, killed);
    }
}
