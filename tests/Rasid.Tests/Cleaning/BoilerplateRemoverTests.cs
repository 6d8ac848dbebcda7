using System.Globalization;
using Rasid.Cleaning;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Tests.Cleaning;

public class BoilerplateRemoverTests
{
    // The shipped markers (data/ is copied beside the test binaries): the samples test what the product does.
    private static readonly BoilerplateRemover s_shipped = BoilerplateRemover.Load(new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data")));

    private static string Sample(string id) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", id + ".txt"));

    private static BoilerplateRemover Rules(string rows) => BoilerplateRemover.Load(new MemoryDataSource(new()
    {
        ["boilerplate/test.tsv"] = "marker\tmatch\tkind\treason\n" + rows,
    }));

    [Fact]
    public void Sample_002_loses_the_related_headlines_and_the_tagged_headline()
    {
        var text = Sample("002_195b7b7ac62a99e5");

        var cleaned = s_shipped.Clean(text);

        Assert.DoesNotContain("It's Over 9000", cleaned.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("مقالات ذات صلة", cleaned.Text, StringComparison.Ordinal);
        foreach (var related in new[] { "فصائل المعارضة تدمر", "معرة عليا", "مصرع ضابط", "شهيد بقصف", "منسقو الاستجابة", "إبراهيم الهفل" })
        {
            Assert.DoesNotContain(related, cleaned.Text, StringComparison.Ordinal);
        }

        // The clean headline, the dateline with its place, and the last article paragraph stay.
        Assert.StartsWith("أسرى النظام لدى المعارضة يطالبون باستبدالهم بالمعتقلين في سجون الأسد\n", cleaned.Text, StringComparison.Ordinal);
        Assert.Contains("بلدي نيوز - إدلب (محمد وليد جبس)", cleaned.Text, StringComparison.Ordinal);
        Assert.Contains("مبادلة جثث لعناصر الميليشيات الإيرانية بأسرى من الفصائل لدى النظام.", cleaned.Text, StringComparison.Ordinal);
        Assert.Equal(["headline with site tagline", "related-articles list"], cleaned.Removed.Select(r => r.Reason));
    }

    [Fact]
    public void Sample_003_loses_only_the_mobile_footer()
    {
        var text = Sample("003_e612bbc7fa9c1160");

        var cleaned = s_shipped.Clean(text);

        var block = Assert.Single(cleaned.Removed);
        Assert.Equal("Exit mobile version", text[block.Start..block.End].Trim());
        Assert.Equal(text[..block.Start], cleaned.Text);
        Assert.Contains("المرسى – خبر", cleaned.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000_b819b3f3b71b3c83")]
    [InlineData("001_22a9d07217cc6a7f")]
    [InlineData("004_3130e51cbb3e4892")]
    public void Clean_samples_are_left_alone(string id)
    {
        var text = Sample(id);

        var cleaned = s_shipped.Clean(text);

        Assert.Empty(cleaned.Removed);
        Assert.Same(text, cleaned.Text);
    }

    [Fact]
    public void Removed_blocks_account_for_every_missing_character()
    {
        var text = Sample("002_195b7b7ac62a99e5");

        var cleaned = s_shipped.Clean(text);

        Assert.Equal(text.Length, cleaned.Text.Length + cleaned.Removed.Sum(b => b.End - b.Start));
        for (var i = 0; i < cleaned.Text.Length; i += 97)
        {
            Assert.Equal(text[cleaned.ToInputIndex(i)], cleaned.Text[i]);
        }
    }

    [Theory]
    // Exact furniture lines, whatever the spelling of hamza, tanween or dashes.
    [InlineData("خبر.\nExit mobile version\n", "Exit mobile version")]
    [InlineData("خبر.\n// انتهى //\n", "// انتهى //")]
    [InlineData("خبر.\n//انتهى//", "//انتهى//")]
    [InlineData("خبر.\nيمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي على هاتفكم المحمول.\nتتمة.", "يمكنكم استلام")]
    [InlineData("خبر.\nتابعونا على تويتر\n", "تابعونا")]
    [InlineData("خبر.\n#اليمن #تعز\n", "#اليمن")]
    [InlineData("خبر.\nhttps://t.me/somechannel\n", "t.me")]
    [InlineData("Photo of author\n\nخبر.", "Photo of author")]
    [InlineData("خبر.\nهذا المقال بقلم فلان، والآراء الواردة أدناه تعبر عن رأي الكاتب، ولا تعكس بالضرورة وجهة نظر شبكة CNN.\n", "CNN")]
    [InlineData("عين اليوم – متابعات\nخبر.", "متابعات")]
    [InlineData("خبر.\nإقرأ أيضاً: عنوان خبر آخر\nتتمة الخبر.", "عنوان خبر آخر")]
    public void Shipped_markers_remove_furniture_lines(string text, string gone)
    {
        var cleaned = s_shipped.Clean(text);

        Assert.DoesNotContain(gone, cleaned.Text, StringComparison.Ordinal);
        Assert.StartsWith(text.StartsWith("خبر", StringComparison.Ordinal) ? "خبر." : string.Empty, cleaned.Text, StringComparison.Ordinal);
        Assert.NotEmpty(cleaned.Removed);
    }

    [Theory]
    // A dateline naming a place helps geocoding and stays.
    [InlineData("عين اليوم – بغداد\nقتل جندي.")]
    [InlineData("بلدي نيوز - إدلب (محمد وليد جبس)\nقتل جندي.")]
    // Words that only contain a marker are article text.
    [InlineData("وشارك مئات السوريين في احتجاج نادر مساء السبت.")]
    [InlineData("شنت مقاتلات #التحالف_العربي غارات على مواقع في #صنعاء.")]
    [InlineData("تعهد الوزير بشن المزيد من الغارات الجوية.")]
    [InlineData("قال مصدر إن العملية انتهى تنفيذها.")]
    public void Article_lines_that_merely_resemble_markers_stay(string text)
    {
        var cleaned = s_shipped.Clean(text);

        Assert.Equal(text, cleaned.Text);
    }

    [Fact]
    public void Related_list_stops_where_the_article_resumes()
    {
        var remover = Rules("اقرأ أيضا\tprefix\tcut_from_here\trelated\n");
        var text = "فقرة أولى.\nاقرأ أيضا:\nعنوان خبر أول\nعنوان خبر ثان؟\n\nولم تخل الدراما من مشاركته في أعمال منها:\nقائمة.";

        var cleaned = remover.Clean(text);

        Assert.Equal("فقرة أولى.\n\nولم تخل الدراما من مشاركته في أعمال منها:\nقائمة.", cleaned.Text);
        Assert.Equal("related", Assert.Single(cleaned.Removed).Reason);
    }

    [Fact]
    public void Related_list_at_the_end_goes_entirely()
    {
        var remover = Rules("مقالات ذات صلة\tline\tcut_from_here\trelated\n");
        var text = "فقرة.\n\nمقالات ذات صلة\n\nعنوان أول\n\nعنوان ثان\n\n";

        var cleaned = remover.Clean(text);

        Assert.Equal("فقرة.\n\n", cleaned.Text);
    }

    [Fact]
    public void Duplicated_headline_keeps_one_copy()
    {
        var text = "عنوان الخبر المكرر هنا\n\nعنوان الخبر المكرر هنا\n\nنص الخبر.";

        var cleaned = Rules(string.Empty).Clean(text);

        Assert.Equal("عنوان الخبر المكرر هنا\n\nنص الخبر.", cleaned.Text);
        Assert.Equal("duplicated headline", Assert.Single(cleaned.Removed).Reason);
    }

    [Fact]
    public void Title_tagline_without_a_clean_copy_is_cut_from_the_headline_and_its_site_line_goes()
    {
        var text = "هجوم على حاجز أمني | موقع الأخبار اليومية\nنص الخبر.\nموقع الأخبار اليومية";

        var cleaned = Rules(string.Empty).Clean(text, "هجوم على حاجز أمني");

        Assert.Equal("هجوم على حاجز أمني\nنص الخبر.\n", cleaned.Text);
        Assert.Equal(["site tagline after headline", "site name line"], cleaned.Removed.Select(r => r.Reason));
    }

    [Theory]
    [InlineData("x\tfuzzy\tdrop_line\tr", "unknown match")]
    [InlineData("x\tline\tdelete\tr", "unknown kind")]
    [InlineData("([\tregex\tdrop_line\tr", "bad regex")]
    public void Invalid_rows_name_the_file_and_line(string row, string message)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Rules(row + "\n"));

        Assert.Contains("boilerplate/test.tsv:2", ex.Message, StringComparison.Ordinal);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_data_loads_and_has_rules_of_both_kinds()
    {
        Assert.Contains(s_shipped.Rules, r => r.Kind == BoilerplateKind.CutFromHere);
        Assert.Contains(s_shipped.Rules, r => r.Kind == BoilerplateKind.DropLine);
    }

    [Fact]
    public void Fold_char_shortcuts_agree_with_the_globalisation_rule_on_every_character()
    {
        // FoldChar skips the Unicode look-ups for ASCII and the Arabic block; on every character it must give what the
        // rule gives: dashes to '-', otherwise the invariant lower case.
        for (var c = char.MinValue; ; c++)
        {
            var expected = CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-' : char.ToLowerInvariant(c);
            Assert.True(expected == BoilerplateRule.FoldChar(c), $"U+{(int)c:X4}");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Theory]
    [InlineData("  Hello —  WORLD\t– أُسرى   ")]
    [InlineData("")]
    [InlineData(" \u00A0 ")]
    [InlineData("ﻻ  إله\u200f\u0640 ")]
    public void Fold_of_a_span_with_a_short_scratch_equals_the_string_fold(string line)
    {
        char[] scratch = [];
        var expected = Whitespace.Collapse(ArabicNormalizer.Normalize(line).Text, BoilerplateRule.FoldChar);

        Assert.Equal(expected, BoilerplateRule.Fold(line.AsSpan(), ref scratch));
        Assert.Equal(expected, BoilerplateRule.Fold(line));
    }
}
