using System.Text;
using System.Text.Json;
using Rasid.Cli;
using Rasid.Cli.Commands;
using Rasid.Tests.Ingestion;

namespace Rasid.Tests.Cli;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("rasid-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(["extract", .. args], new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static List<JsonElement> Lines(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Folder_batch_outputs_every_readable_document_and_skips_unknown_extensions()
    {
        var (code, output, error) = await Run(string.Empty, Fixtures.PathOf("folder"));

        Assert.Equal(0, code);
        Assert.Equal(["a", "c-1", "c-2", "sub/d"], Lines(output).Select(e => e.GetProperty("doc_id").GetString())); // a file in a subfolder is named by its relative path (issue 13)
        Assert.Equal(string.Empty, error);
    }

    [Fact]
    public async Task Bad_inputs_are_named_on_stderr_and_the_rest_of_the_batch_goes_on()
    {
        var missing = Path.Combine(_temp, "missing.txt");

        var (code, output, error) = await Run(string.Empty, Fixtures.PathOf("binary.bin"), Fixtures.PathOf("mixed.jsonl"), missing, Fixtures.PathOf("utf16le.txt"));

        Assert.Equal(2, code);
        Assert.Equal(["good-1", "7", "good-2", "utf16le"], Lines(output).Select(e => e.GetProperty("doc_id").GetString()));
        var errors = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, errors.Length);
        Assert.StartsWith(Fixtures.PathOf("binary.bin") + ": binary", errors[0], StringComparison.Ordinal);
        Assert.StartsWith(Fixtures.PathOf("mixed.jsonl") + ":2: ", errors[1], StringComparison.Ordinal);
        Assert.StartsWith(missing + ": no such file", errors[4], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Issue", "16")]
    public async Task Several_threads_give_the_output_and_the_stderr_of_one_thread()
    {
        string[] inputs = [Fixtures.PathOf("folder"), Fixtures.PathOf("binary.bin"), Fixtures.PathOf("mixed.jsonl"), Fixtures.PathOf("utf16le.txt"), Path.Combine(AppContext.BaseDirectory, "samples")];

        var one = await Run(string.Empty, [.. inputs, "--threads", "1", "--explain"]);
        var three = await Run(string.Empty, [.. inputs, "--threads", "3", "--explain"]);

        Assert.Equal(2, one.Code);
        Assert.Equal(one, three);
        Assert.Contains("explain: ", one.Err, StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Issue", "16")]
    [InlineData("0")]
    [InlineData("x")]
    public async Task Threads_must_be_a_positive_number(string threads)
    {
        var (code, _, error) = await Run(string.Empty, Fixtures.PathOf("folder"), "--threads", threads);

        Assert.Equal(1, code);
        Assert.Contains("--threads", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_path_reads_stdin()
    {
        var (code, output, _) = await Run("{\"id\":\"s1\",\"text\":\"قتل جندي.\"}\n{\"id\":\"s2\",\"text\":\"نص\"}\n", "--with-text");

        Assert.Equal(0, code);
        var lines = Lines(output);
        Assert.Equal(["s1", "s2"], lines.Select(e => e.GetProperty("doc_id").GetString()));
        Assert.Equal("قتل جندي.", lines[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Dash_reads_raw_stdin_bytes_and_detects_their_encoding()
    {
        var html = "<html><head><meta charset=\"windows-1256\"></head><body><p>أصيب مدنيان بقصف على البلدة.</p></body></html>";
        var bytes = CodePagesEncoding(1256).GetBytes(html);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(TextReader.Null, output, error) { InputStream = new MemoryStream(bytes) };

        var code = await new ExtractCommand().RunAsync(["-", "--with-text"], console);

        Assert.Equal(0, code);
        Assert.Equal("أصيب مدنيان بقصف على البلدة.", Lines(output.ToString())[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Published_option_fills_documents_without_a_date()
    {
        var (code, output, _) = await Run(string.Empty, "--published", "2022-05-14", Fixtures.PathOf("utf16le.txt"), Fixtures.PathOf("feed.atom"));

        Assert.Equal(0, code);
        Assert.Equal(["2022-05-14", "2024-03-01", "2024-03-05"], Lines(output).Select(e => e.GetProperty("published").GetString()));
    }

    [Theory]
    // Not a calendar date.
    [InlineData("--published", "2022-13-01")]
    // Not ISO.
    [InlineData("--published", "14/05/2022")]
    // Unknown option.
    [InlineData("--frobnicate", "x")]
    // Option without its value.
    [InlineData("-o", null)]
    public async Task Usage_errors_exit_1_with_a_one_line_message(string option, string? value)
    {
        string[] args = value is null ? [option] : [option, value, Fixtures.PathOf("utf8bom.txt")];

        var (code, output, error) = await Run(string.Empty, args);

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("rasid extract: ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Output_file_is_written_whole_and_no_temp_file_is_left()
    {
        var target = Path.Combine(_temp, "out.jsonl");
        File.WriteAllText(target, "old content\n");

        var (code, output, _) = await Run(string.Empty, "-o", target, Fixtures.PathOf("feed.rss"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal(3, Lines(File.ReadAllText(target)).Count);
        Assert.Equal(["out.jsonl"], Directory.GetFiles(_temp).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Unwritable_output_exits_3_and_creates_nothing()
    {
        var target = Path.Combine(_temp, "no-such-folder", "out.jsonl");

        var (code, _, error) = await Run(string.Empty, "-o", target, Fixtures.PathOf("feed.rss"));

        Assert.Equal(3, code);
        Assert.Contains("cannot write", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Debug_shows_removed_boilerplate_per_document()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "002_195b7b7ac62a99e5.txt");

        var (code, _, error) = await Run(string.Empty, "--debug", sample, Fixtures.PathOf("utf8bom.txt"));

        Assert.Equal(0, code);
        Assert.Contains("debug: 002_195b7b7ac62a99e5: removed related-articles list", error, StringComparison.Ordinal);
        Assert.Contains("debug: 002_195b7b7ac62a99e5: removed headline with site tagline", error, StringComparison.Ordinal);
        Assert.Contains("debug: utf8bom: no boilerplate removed", error, StringComparison.Ordinal);
        // Previews are cut at 60 characters.
        Assert.All(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.True(l.Length < 200, l));
    }

    [Theory]
    // Asked for: shown even though stderr is not the console.
    [InlineData(true)]
    // Not asked for and stderr is a buffer: silent.
    [InlineData(false)]
    public async Task Progress_is_shown_on_request_or_when_stderr_is_the_console(bool asked)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args = asked ? ["--progress", Fixtures.PathOf("folder")] : [Fixtures.PathOf("folder")];

        var code = await new ExtractCommand(TimeSpan.Zero).RunAsync(args, new CliConsole(TextReader.Null, output, error));

        Assert.Equal(0, code);
        Assert.Equal(asked, error.ToString().Contains("rasid extract: 4 documents,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_lists_the_options()
    {
        var (code, output, _) = await Run(string.Empty, "--help");

        Assert.Equal(0, code);
        foreach (var option in new[] { "-o FILE", "--published DATE", "--with-text", "--debug", "--progress", "Exit codes" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    private static Encoding CodePagesEncoding(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage);
    }
}
