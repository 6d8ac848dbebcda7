using System.Text;
using Rasid.Cli;
using Rasid.Tests.Storage;
using static Rasid.Tests.Storage.StoreTestSupport;

namespace Rasid.Tests.Cli;

/// <summary>
/// Issue 13, observations 1, 3, 7 and 8 through the CLI: no document lost or skipped in silence (id collisions, stdin,
/// symbolic links, over-long documents), and clear errors for inputs that yield nothing.
/// </summary>
[Trait("Issue", "13")]
public class IngestReliabilityTests
{
    private const string Clash = "اندلعت اشتباكات عنيفة بين قوات الجيش اليمني ومسلحي الحوثي في مديرية المخا بمحافظة تعز، ما أسفر عن مقتل 5 أشخاص.";

    private static Task<(int Code, string Out, string Error)> Run(params string[] args) => CliRunner.Run(args);

    private static Task<(int Code, string Out, string Error)> RunWithStdin(string stdin, params string[] args) =>
        CliRunner.Run(c => c with { In = TextReader.Null, InputStream = new MemoryStream(Encoding.UTF8.GetBytes(stdin)) }, ["ingest", .. args]);

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    [Fact]
    public async Task Two_index_pages_in_two_folders_are_two_documents_named_by_their_relative_paths()
    {
        using var temp = new TempFolder();
        Write(temp.File("site/a/index.txt"), Clash);
        Write(temp.File("site/b/index.txt"), "خبر آخر: " + Clash);
        var db = temp.File("rasid.db");

        var (code, _, error) = await Run("ingest", temp.File("site"), "--db", db);

        Assert.Equal(0, code);
        Assert.DoesNotContain("refused", error, StringComparison.Ordinal);
        Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM documents"));
        Assert.Equal(1, Scalar(db, "SELECT COUNT(*) FROM documents WHERE id = 'a/index'"));
        Assert.Equal(1, Scalar(db, "SELECT COUNT(*) FROM documents WHERE id = 'b/index'"));
    }

    [Fact]
    public async Task Two_different_articles_piped_one_after_the_other_are_both_stored_under_content_ids()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");

        var first = await RunWithStdin(Clash, "-", "--db", db);
        var second = await RunWithStdin("خبر ثان: " + Clash, "-", "--db", db);
        var again = await RunWithStdin(Clash, "-", "--db", db);

        Assert.Equal((0, 0, 0), (first.Code, second.Code, again.Code));
        Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM documents"));
        Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM documents WHERE id LIKE 'stdin-%' AND length(id) = 22"));
        Assert.Contains("1 skipped (id stored)", again.Out, StringComparison.Ordinal); // the same text again is no conflict
    }

    [Fact]
    public async Task A_stored_id_with_a_different_text_is_refused_named_counted_and_exits_2_until_reextract_replaces_it()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        var input = temp.File("docs.jsonl");
        Write(input, "{\"id\":\"d1\",\"text\":\"" + Clash + "\"}\n");
        Assert.Equal(0, (await Run("ingest", input, "--db", db)).Code);

        Write(input, "{\"id\":\"d1\",\"text\":\"نص مختلف تماما\"}\n");
        var (code, output, error) = await Run("ingest", input, "--db", db);

        Assert.Equal(2, code);
        Assert.Contains("docs.jsonl:1: id \"d1\" is already stored with a different text", error, StringComparison.Ordinal);
        Assert.Contains("1 refused", output, StringComparison.Ordinal);
        Assert.Equal(1, Scalar(db, "SELECT COUNT(*) FROM mentions WHERE document_id = 'd1'"));

        var replaced = await Run("ingest", input, "--db", db, "--reextract");
        Assert.Equal(0, replaced.Code);
        Assert.Equal(0, Scalar(db, "SELECT COUNT(*) FROM mentions WHERE document_id = 'd1'"));
    }

    [Fact]
    public async Task Two_texts_under_one_id_in_one_run_keep_the_first_and_report_the_second()
    {
        using var temp = new TempFolder();
        var db = temp.File("rasid.db");
        var input = temp.File("docs.jsonl");
        Write(input, "{\"id\":\"d1\",\"text\":\"" + Clash + "\"}\n{\"id\":\"d1\",\"text\":\"نص آخر\"}\n{\"id\":\"d2\",\"text\":\"نص ثالث\"}\n");

        var (code, _, error) = await Run("ingest", input, "--db", db);

        Assert.Equal(2, code);
        Assert.Contains("docs.jsonl:2: id \"d1\" was read earlier in this run with a different text", error, StringComparison.Ordinal);
        Assert.Equal(2, Scalar(db, "SELECT COUNT(*) FROM documents"));
    }

    [Fact]
    public async Task A_fifty_megabyte_line_is_refused_with_its_file_and_the_other_documents_are_stored()
    {
        using var temp = new TempFolder();
        var huge = temp.File("batch/huge.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(huge)!);
        await File.WriteAllTextAsync(huge, new string('ب', 26_000_000)); // 52 MB of UTF-8 on one line
        Write(temp.File("batch/good.txt"), Clash);
        Write(temp.File("batch/deep.html"), "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "<p>نص</p></body></html>");
        var db = temp.File("rasid.db");

        var (code, _, error) = await Run("ingest", temp.File("batch"), "--db", db);

        Assert.Equal(2, code);
        Assert.Contains("huge.txt: document too long: 26,000,000 characters", error, StringComparison.Ordinal);
        Assert.Contains("deep.html:1: HTML nested deeper than 1,000 elements", error, StringComparison.Ordinal);
        Assert.Equal(1, Scalar(db, "SELECT COUNT(*) FROM documents WHERE id = 'good'"));
    }

    [Fact]
    public async Task Max_chars_is_an_option()
    {
        using var temp = new TempFolder();
        Write(temp.File("a.txt"), Clash);

        var (code, _, error) = await Run("ingest", temp.File("a.txt"), "--db", temp.File("rasid.db"), "--max-chars", "20");

        Assert.Equal(2, code);
        Assert.Contains("the limit is 20", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symbolic_link_to_a_folder_is_not_followed_and_each_file_is_read_once()
    {
        using var temp = new TempFolder();
        Write(temp.File("in/a/one.txt"), Clash);
        Directory.CreateSymbolicLink(temp.File("in/a/loop"), temp.File("in"));
        Directory.CreateSymbolicLink(temp.File("in/root"), "/");
        var (code, output, error) = await Run("extract", temp.File("in"));

        Assert.Equal(0, code);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("loop: symbolic link to a folder, not followed", error, StringComparison.Ordinal);
        Assert.Contains("root: symbolic link to a folder, not followed", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty", "no file to read in this folder")]
    [InlineData("unsupported", "no file to read in this folder")]
    [InlineData("missing", "no such file or directory")]
    public async Task An_input_that_yields_nothing_is_an_error_and_creates_no_database(string folder, string message)
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("empty"));
        Write(temp.File("unsupported/report.pdf"), "%PDF");
        var db = temp.File("rasid.db");

        var (code, _, error) = await Run("ingest", temp.File(folder), "--db", db);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("extract")]
    public async Task No_path_with_a_terminal_on_stdin_prints_a_hint_instead_of_waiting(string verb)
    {
        var db = Path.Combine(Path.GetTempPath(), "never-" + Guid.NewGuid().ToString("N") + ".db");

        var (code, _, error) = await CliRunner.Run(c => c with { StdinIsTerminal = true }, verb == "ingest" ? [verb, "--db", db] : [verb]);

        Assert.Equal(1, code);
        Assert.False(File.Exists(db));
        Assert.Contains($"rasid {verb} samples/", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_few_invalid_bytes_in_utf8_give_utf8_text_and_a_warning_naming_the_file()
    {
        using var temp = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes(Clash).ToList();
        bytes.Insert(bytes.IndexOf((byte)' '), 0xFF); // between two characters: one invalid sequence
        var path = temp.File("broken.txt");
        await File.WriteAllBytesAsync(path, [.. bytes]);

        var (code, output, error) = await Run("extract", path, "--with-text");

        Assert.Equal(0, code);
        Assert.Contains("warning: " + path + ": 1 invalid UTF-8 byte sequence replaced with U+FFFD (first on line 1)", error, StringComparison.Ordinal);
        Assert.Contains("مديرية المخا", output, StringComparison.Ordinal);
        Assert.Contains("Armed clash", output, StringComparison.Ordinal);
    }
}
