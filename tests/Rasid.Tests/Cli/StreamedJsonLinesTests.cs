using System.Text;
using Rasid.Cli.Input;
using Rasid.Ingestion;

namespace Rasid.Tests.Cli;

/// <summary>Issue 16: a long JSON Lines input is read line by line (flat memory) and gives what reading it whole gives.</summary>
[Trait("Issue", "16")]
public sealed class StreamedJsonLinesTests : IDisposable
{
    private const string Records =
        "\uFEFF{\"id\":\"a1\",\"title\":\"عنوان\",\"text\":\"قتل جندي في تعز.\",\"published\":\"2015-07-21\"}\r\n"
        + "\n"
        + "   \n"
        + "{\"id\":\"a2\",\"text\":\"اشتباكات في مأرب\",\"url\":\"http://x/2\",\"publisher\":\"p\"}\n"
        + "{\"id\": broken\n"
        + "{\"text\":\"no id\"}\n"
        + "[1,2]\n"
        + "{\"id\":7,\"html\":\"<html><body><p>نص الخبر الطويل هنا في الصفحة.</p></body></html>\"}\n"
        + "{\"id\":\"a3\",\"text\":\"" + "كلمة " + "\"}";

    private readonly string _temp = Directory.CreateTempSubdirectory("rasid-stream-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static List<string> Describe(IEnumerable<IngestItem> items) =>
        items.Select(i => $"{i.Error}|{i.Warning}|{i.Document?.Id}|{i.Document?.Title}|{i.Document?.Text}|{i.Document?.Published}|{i.Document?.Url}|{i.Document?.Publisher}|{i.Document?.Origin}").ToList();

    private static List<string> ReadStdin(byte[] bytes, int threshold) =>
        Describe(InputCollector.Read(["-"], () => new MemoryStream(bytes), new IngestOptions(), null, threshold));

    // The first line (100 bytes) must fit in the prefix for the input to be recognised as JSON Lines and streamed.
    [Theory]
    [InlineData(101)]
    [InlineData(128)]
    [InlineData(200)]
    public void A_streamed_file_gives_the_documents_and_errors_of_the_whole_file(int threshold)
    {
        var path = Path.Combine(_temp, "in.jsonl");
        File.WriteAllText(path, Records, new UTF8Encoding(false));

        var whole = Describe(InputCollector.Read([path], () => Stream.Null, new IngestOptions()));
        var streamed = Describe(InputCollector.Read([path], () => Stream.Null, new IngestOptions(), null, threshold));

        Assert.Equal(7, whole.Count); // 4 documents, 3 errors
        Assert.Equal(whole, streamed);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(150)]
    public void Streamed_stdin_gives_what_whole_stdin_gives(int threshold)
    {
        var bytes = Encoding.UTF8.GetBytes(Records);

        Assert.Equal(ReadStdin(bytes, int.MaxValue), ReadStdin(bytes, threshold));
    }

    [Fact]
    public void Long_stdin_that_is_not_JSON_Lines_is_still_read_whole()
    {
        var bytes = Encoding.UTF8.GetBytes("قتل جندي في تعز.\n" + new string('x', 300) + "\n{\"id\":\"z\"}\n");

        var streamed = ReadStdin(bytes, 32);

        Assert.Equal(ReadStdin(bytes, int.MaxValue), streamed);
        Assert.Single(streamed);
    }

    [Fact]
    public void A_streamed_line_with_invalid_UTF8_is_read_with_a_warning_on_its_own_document()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"text\":\"نص أول\"}\n{\"id\":\"b\",\"text\":\"نص X ثان\"}\n").ToList();
        var x = bytes.IndexOf((byte)'X');
        bytes[x] = 0xFF;

        var items = InputCollector.Read(["-"], () => new MemoryStream([.. bytes]), new IngestOptions(), null, 40).ToList();

        Assert.Equal(["a", "b"], items.Select(i => i.Document!.Id));
        Assert.Null(items[0].Warning);
        Assert.Contains("U+FFFD", items[1].Warning!.ToString(), StringComparison.Ordinal);
        Assert.Contains('\uFFFD', items[1].Document!.Text);
    }
}
