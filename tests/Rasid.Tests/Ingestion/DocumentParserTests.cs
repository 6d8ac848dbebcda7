using System.Text;
using Rasid.Ingestion;

namespace Rasid.Tests.Ingestion;

public class DocumentParserTests
{
    private static readonly IngestOptions s_none = new();

    [Fact]
    public void Text_file_id_is_the_file_name_without_extension()
    {
        var items = DocumentParser.Parse("samples/000_b819b3f3b71b3c83.txt", "نص"u8.ToArray(), s_none).ToList();

        var doc = Assert.Single(items).Document!;
        Assert.Equal("000_b819b3f3b71b3c83", doc.Id);
        Assert.Equal("نص", doc.Text);
    }

    [Fact]
    public void Samples_parse_with_their_gold_ids_and_unchanged_text()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.txt"))
        {
            var bytes = File.ReadAllBytes(path);
            var doc = Assert.Single(DocumentParser.Parse(path, bytes, s_none)).Document!;
            Assert.Equal(Path.GetFileNameWithoutExtension(path), doc.Id);
            Assert.Equal(Encoding.UTF8.GetString(bytes), doc.Text);
        }
    }

    [Fact]
    public void Html_page_yields_metadata_and_the_article_text_only()
    {
        var doc = Assert.Single(Fixtures.Parse("article.html")).Document!;

        Assert.Equal("article", doc.Id);
        Assert.Equal("اشتباكات في بلدة الوادي", doc.Title);
        Assert.Equal(new DateOnly(2023, 4, 9), doc.Published);
        Assert.Equal("https://example.org/news/1234", doc.Url);
        Assert.Equal("صحيفة المثال", doc.Publisher);
        Assert.Contains("قتل ثلاثة مسلحين وأصيب جندي في اشتباكات اندلعت مساء السبت", doc.Text, StringComparison.Ordinal);
        Assert.Contains("الوادي - خاص", doc.Text, StringComparison.Ordinal);
        // Paragraphs are separated by a blank line, <br> by a single line break.
        Assert.Contains("بحسب مصدر أمني.\n\nوقال المصدر", doc.Text, StringComparison.Ordinal);
        Assert.Contains("من القتال.\nولم تعلن", doc.Text, StringComparison.Ordinal);
        foreach (var noise in new[] { "الرئيسية", "رياضة", "tracking", "color", "شارك على فيسبوك", "تعليق", "خبر جانبي", "جميع الحقوق", "بحث" })
        {
            Assert.DoesNotContain(noise, doc.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_without_article_element_takes_the_densest_paragraph_block()
    {
        var doc = Assert.Single(Fixtures.Parse("nomarkers.html")).Document!;

        Assert.StartsWith("الفقرة الأولى", doc.Text, StringComparison.Ordinal);
        Assert.EndsWith("بعد الغارة.", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("رابط قصير", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("حقوق النشر", doc.Text, StringComparison.Ordinal);
        Assert.Equal("عنوان الصفحة", doc.Title);
        // The meta date wins over a later <time> element.
        Assert.Equal(new DateOnly(2021, 2, 3), doc.Published);
    }

    [Fact]
    public void Rss_items_become_documents_with_guid_or_numbered_ids()
    {
        var docs = Fixtures.Parse("feed.rss").Select(i => i.Document!).ToList();

        Assert.Equal(3, docs.Count);
        Assert.Equal("example-1", docs[0].Id);
        Assert.Equal("مقتل شخصين بانفجار عبوة ناسفة", docs[0].Title);
        Assert.Equal(new DateOnly(2022, 5, 14), docs[0].Published);
        Assert.Equal("https://example.org/a/1", docs[0].Url);
        Assert.Equal("وكالة المثال", docs[0].Publisher);
        Assert.Equal("قتل شخصان بانفجار عبوة ناسفة في سوق المدينة.\n\nوأصيب ثلاثة آخرون.", docs[0].Text);
        // No guid: file stem and item number; content:encoded is preferred over the shorter description.
        Assert.Equal("feed#2", docs[1].Id);
        Assert.Equal("اعتقلت الشرطة خمسة مطلوبين في حملة أمنية واسعة، وصادرت أسلحة وذخائر.", docs[1].Text);
        // A headline-only item keeps its title as text.
        Assert.Equal("خبر بلا نص", docs[2].Text);
    }

    [Fact]
    public void Atom_entries_read_html_and_xhtml_content_and_the_published_date()
    {
        var docs = Fixtures.Parse("feed.atom").Select(i => i.Document!).ToList();

        Assert.Equal(2, docs.Count);
        Assert.Equal("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", docs[0].Id);
        Assert.Equal("https://example.net/e/1", docs[0].Url);
        // published (local date as written) is preferred over updated.
        Assert.Equal(new DateOnly(2024, 3, 1), docs[0].Published);
        Assert.Equal("تعرضت قرية الجبل لقصف مدفعي عنيف.\n\nولم ترد أنباء عن إصابات.", docs[0].Text);
        Assert.Equal("أطلق سراح عشرة محتجزين في صفقة تبادل.", docs[1].Text);
        Assert.Equal(new DateOnly(2024, 3, 5), docs[1].Published);
        Assert.Equal("موقع الأخبار", docs[1].Publisher);
    }

    [Fact]
    public void Truncated_feed_keeps_complete_items_and_reports_the_line()
    {
        var items = Fixtures.Parse("truncated.xml");

        Assert.Equal("t-1", items[0].Document!.Id);
        var error = items[^1].Error!;
        Assert.EndsWith("truncated.xml", error.Origin, StringComparison.Ordinal);
        Assert.NotNull(error.LineNumber);
        Assert.Contains("item 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, items.Count);
    }

    [Fact]
    public void Jsonl_bad_lines_are_errors_naming_the_line_and_other_lines_go_on()
    {
        var items = Fixtures.Parse("mixed.jsonl");

        Assert.Equal(["good-1", "7", "good-2"], items.Where(i => i.Document is not null).Select(i => i.Document!.Id));
        Assert.Equal([2, 4, 5], items.Where(i => i.Error is not null).Select(i => i.Error!.LineNumber!.Value));
        Assert.All(items.Where(i => i.Error is not null), i => Assert.StartsWith(Fixtures.PathOf("mixed.jsonl") + ":", i.Error!.ToString(), StringComparison.Ordinal));
        var good = items[0].Document!;
        Assert.Equal(("هجوم", "https://example.org/1", "المثال", new DateOnly(2022, 5, 14)), (good.Title, good.Url, good.Publisher, good.Published!.Value));
        Assert.EndsWith("mixed.jsonl:1", good.Origin, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_record_with_html_gets_the_html_treatment()
    {
        var doc = Fixtures.Parse("mixed.jsonl").Select(i => i.Document).Single(d => d?.Id == "7")!;

        Assert.Equal("اختطف مسلحون صحفيا في المدينة.", doc.Text);
        Assert.Equal("موقع", doc.Publisher);
        Assert.Equal(new DateOnly(2020, 6, 1), doc.Published);
    }

    [Fact]
    public void Default_published_fills_only_documents_without_a_date()
    {
        var options = new IngestOptions { DefaultPublished = new DateOnly(2022, 1, 1) };

        var docs = Fixtures.Parse("feed.rss", options).Select(i => i.Document!).ToList();
        var text = Assert.Single(DocumentParser.Parse("x.txt", "نص"u8.ToArray(), options)).Document!;

        Assert.Equal(new DateOnly(2022, 5, 14), docs[0].Published);
        Assert.Equal(new DateOnly(2022, 1, 1), docs[2].Published);
        Assert.Equal(new DateOnly(2022, 1, 1), text.Published);
    }

    [Theory]
    // Declared in <meta http-equiv>, bytes are not valid UTF-8.
    [InlineData("cp1256.html", "أعلنت السلطات المحلية مقتل أربعة أشخاص")]
    // Undeclared, unknown extension: sniffed as HTML, invalid UTF-8 falls back to Windows-1256.
    [InlineData("cp1256-undeclared.page", "أصيب ثلاثة مدنيين بقصف على الحي الشرقي")]
    // Byte-order marks win.
    [InlineData("utf16le.txt", "قتل مدني برصاص قناص في الحي الغربي.\nوأصيب طفل بجروح.")]
    [InlineData("utf16be.txt", "قتل مدني برصاص قناص في الحي الغربي.\nوأصيب طفل بجروح.")]
    [InlineData("utf8bom.txt", "قتل مدني برصاص قناص في الحي الغربي.\nوأصيب طفل بجروح.")]
    public void Encodings_are_detected(string file, string expected)
    {
        var doc = Assert.Single(Fixtures.Parse(file)).Document!;

        Assert.StartsWith(expected, doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFEFF', doc.Text);
    }

    [Theory]
    // NULs only at odd positions (the high bytes of spaces and digits): UTF-16 LE without a BOM, not binary.
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_without_bom_is_recognised_by_where_its_nul_bytes_are(bool bigEndian)
    {
        var text = "قتل 3 مدنيين في قصف على الحي الشرقي يوم 12 مايو.";
        var bytes = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(text);

        var doc = Assert.Single(DocumentParser.Parse("x.txt", bytes, s_none)).Document!;

        Assert.Equal(text, doc.Text);
    }

    [Theory]
    [InlineData("binary.bin", "binary")]
    [InlineData("binary.txt", "binary")]
    [InlineData("empty.txt", "empty")]
    public void Unreadable_inputs_are_errors_naming_the_file(string file, string word)
    {
        var error = Assert.Single(Fixtures.Parse(file)).Error!;

        Assert.Equal(Fixtures.PathOf(file), error.Origin);
        Assert.Contains(word, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Explicit extensions decide.
    [InlineData("a.txt", "<html><body><p>x</p></body></html>", InputFormat.Text)]
    [InlineData("a.htm", "plain", InputFormat.Html)]
    [InlineData("a.jsonl", "{\"id\":1}", InputFormat.JsonLines)]
    // .xml/.rss/.atom and unknown names are sniffed.
    [InlineData("a.xml", "<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\"><channel/></rss>", InputFormat.Feed)]
    [InlineData("a.rss", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", InputFormat.Feed)]
    [InlineData("stdin", "<rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>", InputFormat.Feed)]
    [InlineData("stdin", "{\"id\":\"a\",\"text\":\"b\"}\n", InputFormat.JsonLines)]
    [InlineData("page.php", "<!DOCTYPE html><html><body>x</body></html>", InputFormat.Html)]
    [InlineData("stdin", "خبر عن <b>شيء</b>", InputFormat.Text)]
    [InlineData("notes", "{ not json", InputFormat.Text)]
    public void Format_comes_from_extension_or_content(string origin, string text, InputFormat expected)
    {
        Assert.Equal(expected, DocumentParser.DetectFormat(origin, text));
    }

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("A.HTML", true)]
    [InlineData("a.htm", true)]
    [InlineData("a.xml", true)]
    [InlineData("a.rss", true)]
    [InlineData("a.atom", true)]
    [InlineData("a.jsonl", true)]
    [InlineData("a.json", false)]
    [InlineData("a.pdf", false)]
    [InlineData("README", false)]
    public void Folders_read_only_supported_extensions(string path, bool expected)
    {
        Assert.Equal(expected, DocumentParser.IsSupportedExtension(path));
    }
}
