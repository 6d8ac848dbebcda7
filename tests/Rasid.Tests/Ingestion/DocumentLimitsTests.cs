using System.Text;
using Rasid.Ingestion;

namespace Rasid.Tests.Ingestion;

/// <summary>Issue 13, observations 1, 3 and 4 at the parser: bounded work per document, content ids for stdin, UTF-8 repaired not re-read as Windows-1256.</summary>
[Trait("Issue", "13")]
public class DocumentLimitsTests
{
    private static readonly IngestOptions s_small = new() { MaxTextLength = 1000, MaxHtmlDepth = 50 };

    private static string Nested(int depth, string tag = "div") =>
        "<html><body>" + string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "<p>نص الخبر</p>" + string.Concat(Enumerable.Repeat($"</{tag}>", depth)) + "</body></html>";

    [Theory]
    [InlineData(50, false)]
    [InlineData(51, true)]
    public void Html_nested_deeper_than_the_limit_is_refused_with_its_line(int depth, bool refused)
    {
        var html = "<html>\n<body>\n" + Nested(depth);

        var item = Assert.Single(DocumentParser.Parse("deep.html", Encoding.UTF8.GetBytes(html), s_small));

        Assert.Equal(refused, item.Error is not null);
        if (refused)
        {
            Assert.Equal("deep.html:3: HTML nested deeper than 50 elements: not read", item.Error!.ToString());
        }
    }

    [Theory]
    [InlineData("<p>a<p>b<p>c", 1)] // implied end tags do not nest
    [InlineData("<li>a<li>b<br><img src=x><hr>", 1)] // nor do void elements
    [InlineData("<svg><path/><path/><path/></svg>", 2)] // "/>" closes inside svg
    [InlineData("<div/><div/><div/>", 4)] // but not in HTML, as a browser parses it
    [InlineData("<script>\"<div><div><div>\"</script><div>", 2)] // raw text is not markup
    [InlineData("<!-- <div><div><div> --><div>", 2)]
    public void Depth_is_estimated_as_a_browser_builds_the_tree(string body, int depth)
    {
        var html = "<div>" + body;

        Assert.False(HtmlExtractor.ExceedsDepth(html, depth, out _));
        Assert.True(HtmlExtractor.ExceedsDepth(html, depth - 1, out _));
    }

    [Fact]
    public void Text_over_the_limit_is_refused_naming_the_line_and_the_other_records_are_read()
    {
        var jsonl = "{\"id\":\"short\",\"text\":\"نص قصير\"}\n{\"id\":\"long\",\"text\":\"" + new string('ن', 1001) + "\"}\n{\"id\":\"html\",\"html\":\"" + Nested(60).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"}\n{\"id\":\"last\",\"text\":\"نص أخير\"}\n";

        var items = DocumentParser.Parse("docs.jsonl", Encoding.UTF8.GetBytes(jsonl), s_small).ToList();

        Assert.Equal(["short", "last"], items.Where(i => i.Document is not null).Select(i => i.Document!.Id));
        Assert.Equal("docs.jsonl:2: document too long: 1,001 characters of text (the limit is 1,000; --max-chars raises it)", items[1].Error!.ToString());
        Assert.StartsWith("docs.jsonl:3: HTML nested deeper than 50", items[2].Error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_feed_item_over_a_limit_is_refused_and_the_other_items_are_read()
    {
        var xml = "<rss><channel>\n<item><title>أ</title><description>" + new string('ن', 1001) + "</description></item>\n"
            + "<item><title>ب</title><description><![CDATA[" + Nested(60) + "]]></description></item>\n"
            + "<item><title>ج</title><description>نص</description></item>\n</channel></rss>";

        var items = DocumentParser.Parse("feed.xml", Encoding.UTF8.GetBytes(xml), s_small).ToList();

        Assert.Equal(3, items.Count);
        Assert.StartsWith("feed.xml:2: item 1: document too long", items[0].Error!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("feed.xml:3: item 2: HTML nested deeper than 50", items[1].Error!.ToString(), StringComparison.Ordinal);
        Assert.Equal("نص", items[2].Document!.Text);
    }

    [Fact]
    public void Stdin_documents_are_named_by_a_hash_of_their_content()
    {
        var a = Assert.Single(DocumentParser.Parse("stdin", "نص أول"u8.ToArray(), new IngestOptions())).Document!;
        var b = Assert.Single(DocumentParser.Parse("stdin", "نص ثان"u8.ToArray(), new IngestOptions())).Document!;
        var again = Assert.Single(DocumentParser.Parse("stdin", "نص أول"u8.ToArray(), new IngestOptions())).Document!;

        Assert.Matches("^stdin-[0-9a-f]{16}$", a.Id);
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a.Id, again.Id);
    }

    [Fact]
    public void A_name_given_by_the_folder_walk_is_the_id()
    {
        var doc = Assert.Single(DocumentParser.Parse("site/a/index.txt", "نص"u8.ToArray(), new IngestOptions(), "a/index")).Document!;

        Assert.Equal("a/index", doc.Id);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Utf8_with_a_few_invalid_bytes_is_read_as_utf8_with_replacement_characters_and_a_warning(int bad)
    {
        var text = string.Concat(Enumerable.Repeat("قتل خمسة أشخاص في اشتباكات بمدينة تعز.\n", 20));
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        // Between characters (before a space), so each bad byte is one invalid sequence; the first is on line 2.
        var spaces = bytes.Select((b, i) => (b, i)).Where(x => x.b == (byte)' ').Select(x => x.i).Skip(8).Where((_, k) => k % 10 == 0).Take(bad).Reverse().ToList();
        foreach (var at in spaces)
        {
            bytes.Insert(at, 0xFF);
        }

        var decoded = TextDecoder.Decode(bytes.ToArray());

        Assert.StartsWith("utf-8", decoded.EncodingName, StringComparison.Ordinal);
        Assert.Equal(bad, decoded.Text!.Count(c => c == '\uFFFD'));
        Assert.Contains("قتل خمسة أشخاص", decoded.Text, StringComparison.Ordinal);
        Assert.Contains($"{bad} invalid UTF-8 byte sequence", decoded.Warning, StringComparison.Ordinal);
        Assert.Contains("first on line 2", decoded.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_1256_is_still_recognised_even_when_a_letter_and_a_comma_look_like_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        // "ة،" is C9 A1 in Windows-1256: a valid two-byte UTF-8 sequence among many invalid ones.
        var text = "قالت مصادر محلية إن المدينة، التي شهدت اشتباكات، هادئة الآن.";
        var bytes = Encoding.GetEncoding(1256).GetBytes(text);

        var decoded = TextDecoder.Decode(bytes);

        Assert.Equal("windows-1256", decoded.EncodingName);
        Assert.Equal(text, decoded.Text);
        Assert.Null(decoded.Warning);
    }

    [Fact]
    public void A_short_feed_cut_off_inside_a_character_stays_utf8_and_keeps_its_complete_item()
    {
        // Found by the long fuzz run: few Arabic letters, the last one cut in half, was read as Windows-1256 (garbled).
        var xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\n<item><guid>k</guid><title>عنوان</title>"
            + "<description>مظاهرة عبوة 5 2024</description></item>\n<item><description>ال";
        var bytes = Encoding.UTF8.GetBytes(xml)[..^1];

        var items = DocumentParser.Parse("feed.xml", bytes, new IngestOptions()).ToList();

        Assert.Equal("مظاهرة عبوة 5 2024", items[0].Document!.Text);
        Assert.Contains("ends inside a character", items[0].Warning!.Message, StringComparison.Ordinal);
        Assert.NotNull(items[1].Error);
    }

    [Fact]
    public void A_page_that_declares_utf8_is_read_as_utf8_despite_a_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><head><meta charset=\"utf-8\"></head><body><p>قتل شخص واحد</p></body></html>").ToList();
        bytes.Insert(60, 0xC3);

        var decoded = TextDecoder.Decode(bytes.ToArray());

        Assert.StartsWith("utf-8", decoded.EncodingName, StringComparison.Ordinal);
        Assert.NotNull(decoded.Warning);
    }
}
