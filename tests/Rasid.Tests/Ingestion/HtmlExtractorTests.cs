using Rasid.Ingestion;

namespace Rasid.Tests.Ingestion;

public class HtmlExtractorTests
{
    private const string Paragraphs =
        "<p>قصفت طائرات حربية مواقع في ريف المدينة الجنوبي صباح الأحد، ما أدى إلى مقتل ثلاثة مدنيين وإصابة آخرين.</p>" +
        "<p>وقال شهود إن القصف استهدف منازل سكنية قرب السوق الرئيسي، وإن فرق الإنقاذ عملت لساعات لانتشال الضحايا.</p>" +
        "<p>ولم يصدر أي تعليق رسمي على القصف حتى الآن، فيما تواصلت حركة النزوح من القرى المجاورة نحو الشمال.</p>";

    [Fact]
    public void Wrapper_named_like_furniture_but_holding_the_article_is_kept()
    {
        var html = "<html><body><div class=\"layout sidebar-left\">" + Paragraphs + "</div><div class=\"sidebar\"><p>إعلان جانبي</p></div></body></html>";

        var page = HtmlExtractor.Extract(html);

        Assert.Contains("مقتل ثلاثة مدنيين", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("إعلان جانبي", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_lists_do_not_win_the_densest_block()
    {
        var links = string.Concat(Enumerable.Range(1, 30).Select(i => $"<li><a href=\"/n/{i}\">عنوان خبر آخر طويل بعض الشيء رقم {i} في القائمة</a></li>"));
        var html = "<html><body><div class=\"x\"><ul>" + links + "</ul></div><div class=\"y\">" + Paragraphs + "</div></body></html>";

        var page = HtmlExtractor.Extract(html);

        Assert.StartsWith("قصفت طائرات حربية", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("عنوان خبر آخر", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_and_source_line_breaks_inside_paragraphs_become_plain_spaces_and_characters()
    {
        var page = HtmlExtractor.Extract("<html><body><article><p>قتل   جندي\n وأصيب &quot;اثنان&quot; &amp; فر آخر</p></article></body></html>");

        Assert.Equal("قتل جندي وأصيب \"اثنان\" & فر آخر", page.Text);
    }

    [Theory]
    // Escaped markup inside an RSS description, once unescaped by XML, is HTML.
    [InlineData("<p>سطر أول</p><p>سطر ثان</p>", "سطر أول\n\nسطر ثان")]
    [InlineData("نص بلا وسوم\nبسطرين", "نص بلا وسوم\nبسطرين")]
    [InlineData("<script>x()</script>نص", "نص")]
    [InlineData("", "")]
    public void Fragments_become_text(string html, string expected)
    {
        Assert.Equal(expected, HtmlExtractor.FragmentToText(html));
    }
}
