using System.Globalization;
using System.Text;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Numbers;
using Rasid.Text;

namespace Rasid.Tests.Numbers;

public class NumberRecognizerTests
{
    private static readonly IDataSource s_data = new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data"));
    private static readonly NumberRecognizer s_numbers = NumberRecognizer.Load(s_data);
    private static readonly DateResolver s_dates = DateResolver.Load(s_data);

    /// <summary>The counts of <paramref name="text"/>, skipping its date expressions as the pipeline does.</summary>
    private static IReadOnlyList<NumberMention> Find(AnalyzedText text) => s_numbers.Find(text, s_dates.Find(text, null).TokenRanges());

    [Theory]
    [InlineData("قتل واحد", 1)] // 1 masculine
    [InlineData("قتلت واحدة", 1)] // 1 feminine
    [InlineData("قتل اثنتان", 2)] // 2 feminine nominative
    [InlineData("قتل ثماني", 8)] // 8 construct form
    [InlineData("قتل اثني عشر", 12)] // 12 oblique
    [InlineData("قتل تسعة وتسعون", 99)] // largest two-word compound
    [InlineData("قتل تسعمائة وتسعة وتسعون", 999)] // hundred + unit + ten
    [InlineData("قتل مئتي", 200)] // dual construct
    [InlineData("قتل ثلاثة آلاف وخمسمائة", 3500)] // plural thousands then hundreds
    [InlineData("قتل مئة ألف", 100000)] // hundred thousand
    [InlineData("قتل 1,250", 1250)] // thousands separator
    [InlineData("قتل ١٢", 12)] // Arabic-Indic digits
    [InlineData("قتل لثلاثة", 3)] // proclitic ل
    [InlineData("قتل فخمسة", 5)] // proclitic ف
    public void Reads_the_value(string text, long expected)
    {
        var found = Find(AnalyzedText.Analyze(text));
        Assert.Equal(expected, Assert.Single(found).Value);
    }

    [Theory]
    [InlineData("قتل ثلاثة وأربعة")] // و + unit after a unit is a list, not a compound
    [InlineData("قتل عشرون وثلاثون")] // two tens do not add up
    public void Does_not_join_a_list_into_one_number(string text)
    {
        Assert.Equal(2, Find(AnalyzedText.Analyze(text)).Count);
    }

    [Fact]
    public void Mentions_never_overlap_and_come_in_order()
    {
        var found = Find(AnalyzedText.Analyze("قتل 3 وأصيب ما لا يقل عن 12، ونزح عشرات الآلاف، وفقد بين 4 و6."));
        Assert.Equal([3L, 12, 10000, 4], found.Select(m => m.Value));
        for (var i = 1; i < found.Count; i++)
        {
            Assert.True(found[i - 1].Span.End <= found[i].Span.Start);
        }
    }

    [Fact]
    public void Digits_inside_the_date_expressions_passed_in_are_not_counts()
    {
        var text = AnalyzedText.Analyze("قتل 4 في 11 مايو 2022 وأصيب 7 يوم الجمعة 9/9/1436هـ");
        var dates = s_dates.Find(text, new DateOnly(2022, 5, 14));
        var skipping = s_numbers.Find(text, dates.TokenRanges());
        Assert.Equal([4L, 7], skipping.Select(m => m.Value));
        Assert.Contains(s_numbers.Find(text, []), m => m.Value == 11); // without the dates, "11 مايو" reads as a count
    }

    [Fact]
    public void Results_do_not_depend_on_the_current_culture()
    {
        var text = AnalyzedText.Analyze("قتل 1,500 شخص و3.5 مليون");
        var invariant = Find(text);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            Assert.Equal(invariant, Find(text));
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // ',' is the decimal separator there
            Assert.Equal(invariant, Find(text));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Bad_role_in_data_fails_with_file_and_line()
    {
        var data = new MemoryDataSource(new()
        {
            ["numbers/cardinals.tsv"] = "word\tvalue\trole\nثلاثة\t3\tunit\nخمسة\t5\tbogus\n",
        });
        var error = Assert.Throws<InvalidDataException>(() => NumberRecognizer.Load(data));
        Assert.Contains("numbers/cardinals.tsv:3", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Real data files, with some replaced in memory.</summary>
    private sealed class MemoryDataSource(Dictionary<string, string> overrides) : IDataSource
    {
        public string Description => "memory";

        public bool Exists(string path) => overrides.ContainsKey(path) || s_data.Exists(path);

        public Stream Open(string path) =>
            overrides.TryGetValue(path, out var text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : s_data.Open(path);

        public IReadOnlyList<string> List(string folder, string suffix) => s_data.List(folder, suffix);
    }
}
