using System.Text;
using Rasid.Ingestion;

namespace Rasid.Tests.Ingestion;

public class DocumentParserRobustnessTests
{
    private static readonly IngestOptions s_none = new();

    // The walks themselves are what these tests are about, so the depth and size limits are raised out of the way.
    private static readonly IngestOptions s_unbounded = new() { MaxHtmlDepth = 10_000, MaxTextLength = int.MaxValue / 4 };

    public static TheoryData<string, int> RandomInputs()
    {
        var data = new TheoryData<string, int>();
        foreach (var origin in new[] { "a.txt", "a.html", "a.xml", "a.jsonl", "stdin" })
        {
            for (var seed = 0; seed < 6; seed++)
            {
                data.Add(origin, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RandomInputs))]
    public void Random_bytes_never_throw(string origin, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[random.Next(1, 5000)];
        random.NextBytes(bytes);
        if (seed % 2 == 0)
        {
            // Half the cases look like text: random bytes sprinkled into markup-ish UTF-8.
            bytes = Encoding.UTF8.GetBytes("<rss><item><title>" + Encoding.Latin1.GetString(bytes).Replace('\0', 'x') + "{\"id\":");
        }

        var items = DocumentParser.Parse(origin, bytes, s_none).ToList();

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.Document is not null ^ i.Error is not null));
    }

    [Fact]
    [Trait("Issue", "13")]
    public void A_json_string_that_is_not_valid_utf16_fails_its_line_only()
    {
        // Found by fuzzing: "\ud800" alone made GetString throw InvalidOperationException, and the whole file was lost.
        var jsonl = "{\"id\":\"a\",\"text\":\"نص\"}\n{\"id\":\"e\",\"text\":\"\\ud800\"}\n{\"id\":\"b\",\"text\":\"نص آخر\"}\n";

        var items = DocumentParser.Parse("docs.jsonl", Encoding.UTF8.GetBytes(jsonl), s_none).ToList();

        Assert.Equal(["a", "b"], items.Where(i => i.Document is not null).Select(i => i.Document!.Id));
        Assert.StartsWith("docs.jsonl:2: not valid JSON", items[1].Error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Five_megabyte_single_line_is_one_document()
    {
        var line = new string('ب', 5 * 1024 * 1024);

        var doc = Assert.Single(DocumentParser.Parse("big.txt", Encoding.UTF8.GetBytes(line), s_unbounded)).Document!;

        Assert.Equal(line.Length, doc.Text.Length);
    }

    [Fact]
    public void Five_megabyte_jsonl_line_is_read()
    {
        var json = "{\"id\":\"big\",\"text\":\"" + new string('ت', 5 * 1024 * 1024) + "\"}";

        var doc = Assert.Single(DocumentParser.Parse("big.jsonl", Encoding.UTF8.GetBytes(json), s_unbounded)).Document!;

        Assert.Equal(5 * 1024 * 1024, doc.Text.Length);
    }

    [Fact]
    public void Deeply_nested_html_does_not_overflow_the_stack()
    {
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < 2000; i++)
        {
            sb.Append(i % 2 == 0 ? "<div>" : "<span>");
        }

        sb.Append("<p>نص عميق جدا في الصفحة.</p>");
        var html = sb.ToString();

        var items = DocumentParser.Parse("deep.html", Encoding.UTF8.GetBytes(html), s_unbounded).ToList();

        var doc = Assert.Single(items).Document!;
        Assert.Contains("نص عميق جدا", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_markup_in_a_feed_item_is_read()
    {
        var xml = "<rss><channel><item><description>" + string.Concat(Enumerable.Repeat("<b>", 2000)) + "نص" + string.Concat(Enumerable.Repeat("</b>", 2000)) + "</description></item></channel></rss>";

        var item = Assert.Single(DocumentParser.Parse("deep.xml", Encoding.UTF8.GetBytes(xml), s_unbounded));

        Assert.Equal("نص", item.Document!.Text);
    }
}
