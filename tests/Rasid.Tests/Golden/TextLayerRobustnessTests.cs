using System.Text;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Numbers;
using Rasid.Text;

namespace Rasid.Tests.Golden;

/// <summary>
/// Hostile input through the whole text layer (normalise → tokenise → sentences → clauses → numbers → dates): nothing
/// throws, and every span lies inside its text and maps back to a substring of the original that still contains it.
/// </summary>
public class TextLayerRobustnessTests
{
    private static readonly IDataSource s_data = new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data"));
    private static readonly NumberRecognizer s_numbers = NumberRecognizer.Load(s_data);
    private static readonly DateResolver s_dates = DateResolver.Load(s_data);
    private static readonly ClauseSplitter s_clauses = ClauseSplitter.Load(s_data);

    public static TheoryData<string, string> HostileInputs()
    {
        var random = new Random(20260522);
        var data = new TheoryData<string, string>
        {
            { "empty", string.Empty },
            { "combining marks only", new string('\u064B', 50) + "\u0651\u0670\u0640" },
            { "lone surrogates", "\uD800 قتل \uDC00 12 \uDBFF\uD800x\uDFFF" },
            { "high surrogate at the end", "قتل 3\uD83D" },
            { "mixed scripts", "Reuters: قتل 12 شخصا 😀 в Москве 日本 ١٢ מלחמה ℕ 𝟙𝟚 ﷺ ﻻ" },
            { "presentation forms that expand", string.Concat(Enumerable.Repeat("ﷺﷻ﷽", 200)) },
            { "digit runs and separators", "99999999999999999999999 1,2,3,4,5.6.7.8 ١٬٢٬٣ 1.5.2022.3 99/99/9999 0/0/0 2022-13-45 --5-- 5-" },
            { "numbers and dates at the very end", "قتل ثلاثة وعشرون" },
            { "date words at the very end", "في العاشر من" },
            { "controls", "\u0000\u0001قتل\u0007\r\n\r\n\t12\u001B\u200F\u202E\u2066" },
            { "only punctuation", "،،،؛؛؛...!!!؟؟؟" },
        };

        data.Add("random unicode", RandomString(random, 5000, c => (char)random.Next(0, 0x10000)));
        data.Add("random arabic block", RandomString(random, 5000, c => (char)random.Next(0x0600, 0x0700)));
        data.Add("random arabic words with spaces", RandomString(random, 5000, c => random.Next(6) == 0 ? ' ' : (char)random.Next(0x0621, 0x064B)));
        var bytes = new byte[4000];
        random.NextBytes(bytes);
        data.Add("binary junk as UTF-8", Encoding.UTF8.GetString(bytes));
        data.Add("binary junk as Latin-1", Encoding.Latin1.GetString(bytes));
        return data;

        static string RandomString(Random random, int length, Func<int, char> next)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = next(i);
            }

            return new string(chars);
        }
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Text_layer_never_throws_and_keeps_spans_valid(string name, string input)
    {
        _ = name;
        AssertValid(input, new DateOnly(2022, 5, 11));
        AssertValid(input, null);
    }

    [Fact]
    public void Five_megabyte_single_line_is_processed_with_valid_spans()
    {
        var line = new StringBuilder(5_000_000);
        var piece = "قُتِلَ ثلاثة وعشرون شخصاً أمس الجمعة في 11 مايو 2022، وأصيب 1,500 آخرون على الأقل؛ ";
        while (line.Length < 5_000_000)
        {
            line.Append(piece);
        }

        AssertValid(line.ToString(), new DateOnly(2022, 5, 14));
    }

    [Fact]
    public void Five_megabyte_word_without_spaces_is_one_token()
    {
        var word = new string('ب', 5_000_000);
        var analyzed = AssertValid(word, null);
        Assert.Single(analyzed.Tokens);
    }

    [Fact]
    public void Publication_at_the_ends_of_the_calendar_leaves_dates_unresolved()
    {
        var analyzed = AnalyzedText.Analyze("قتل أمس والشهر الماضي والجمعة الماضية");
        var early = s_dates.Find(analyzed, DateOnly.MinValue);
        Assert.Equal(3, early.Count);
        Assert.All(early, m => Assert.Null(m.Date));
    }

    private static AnalyzedText AssertValid(string input, DateOnly? published)
    {
        var analyzed = AnalyzedText.Analyze(input);
        var normalized = analyzed.Normalized;
        Assert.Equal(input, normalized.Original);
        var previousEnd = 0;

        // Every span is checked; the costlier re-normalisation round trip is sampled on very large inputs.
        var roundTripStride = analyzed.Tokens.Count > 50_000 ? 97 : 1;
        var index = 0;
        foreach (var token in analyzed.Tokens)
        {
            AssertSpan(normalized, token.Span);
            Assert.True(token.Start >= previousEnd, "tokens overlap or go backwards");
            previousEnd = token.End;
            if (index++ % roundTripStride != 0)
            {
                continue;
            }

            var original = normalized.ToOriginal(token.Span);
            Assert.Contains(token.Text, ArabicNormalizer.Normalize(input[original.Start..original.End]).Text, StringComparison.Ordinal);
        }

        foreach (var sentence in analyzed.Sentences)
        {
            AssertSpan(normalized, sentence.Span);
            AssertTokenRange(analyzed, sentence.FirstToken, sentence.EndToken);
            foreach (var clause in s_clauses.Split(analyzed, sentence))
            {
                AssertSpan(normalized, clause.Span);
                Assert.True(sentence.Span.Contains(clause.Span));
                AssertTokenRange(analyzed, clause.FirstToken, clause.EndToken);
            }
        }

        foreach (var number in s_numbers.Find(analyzed, s_dates.Find(analyzed, null).TokenRanges()))
        {
            AssertSpan(normalized, number.Span);
            AssertTokenRange(analyzed, number.FirstToken, number.EndToken);
            Assert.True(number.Value >= 0);
        }

        foreach (var date in s_dates.Find(analyzed, published))
        {
            AssertSpan(normalized, date.Span);
            AssertTokenRange(analyzed, date.FirstToken, date.EndToken);
            Assert.True(date.Date is null ? date.Precision is null : date.Precision is 1 or 2 or 3);
        }

        return analyzed;
    }

    private static void AssertSpan(NormalizedText normalized, TextSpan span)
    {
        Assert.InRange(span.Start, 0, normalized.Length);
        Assert.InRange(span.End, span.Start, normalized.Length);
        var original = normalized.ToOriginal(span);
        Assert.InRange(original.Start, 0, normalized.Original.Length);
        Assert.InRange(original.End, original.Start, normalized.Original.Length);
        _ = normalized.Original[original.Start..original.End];
    }

    private static void AssertTokenRange(AnalyzedText analyzed, int first, int end)
    {
        Assert.InRange(first, 0, analyzed.Tokens.Count - 1);
        Assert.InRange(end, first + 1, analyzed.Tokens.Count);
    }
}
