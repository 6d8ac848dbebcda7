using System.Text;
using Rasid.Ingestion;

namespace Rasid.Tests.Pipeline;

/// <summary>The pipeline never throws on any text and always returns evidence spans that lie in, and slice, its returned text.</summary>
public class RasidPipelineRobustnessTests
{
    private const string Report = "شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.";

    public static TheoryData<string, string> HostileTexts()
    {
        var random = new Random(20240310);
        var data = new TheoryData<string, string>
        {
            { "empty", string.Empty },
            { "whitespace and line breaks only", " \t\r\n\u00A0\u2028\u2029\n\n" },
            { "punctuation only", string.Concat(Enumerable.Repeat(".،؛؟!…\n", 2_000)) },
            { "random code points of every plane, lone surrogates included", RandomChars(random, 50_000, 0x0000, 0xFFFF) + RandomRunes(random, 5_000) },
            { "random Arabic-block characters (letters, marks, digits, presentation forms)", RandomChars(random, 50_000, 0x0600, 0x06FF) + RandomChars(random, 5_000, 0xFB50, 0xFEFF) },
            { "binary junk decoded as UTF-8", Encoding.UTF8.GetString(RandomBytes(random, 100_000)) },
            { "binary junk decoded as Latin-1 (NULs and C1 controls)", Encoding.Latin1.GetString(RandomBytes(random, 100_000)) },
            { "a lone high surrogate and an emoji before an event sentence", "\uD800x😀\uDC00 " + Report },
            { "zero-width and bidi controls inside an event sentence", string.Join("\u200B\u200F", Report.Split(' ')) },
            { "diacritics and tatweel flood", string.Concat(Enumerable.Repeat("ـــَُِّْ", 20_000)) + Report },
            { "casualty figure far beyond int range", "قتل ٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩٩ جنديا في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة." },
            { "the same event sentence 500 times", string.Join("\n", Enumerable.Repeat(Report, 500)) },
            { "1 MB single line of prose with a war clause every 200 KB and no sentence end", OneMegabyteLine() },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public void Extraction_never_throws_and_returns_valid_evidence_spans(string name, string text)
    {
        var result = TestPipeline.Extract(text, id: name);

        Assert.Equal(name, result.DocId);
        Assert.Equal(result.Events.Count > 0, result.Relevant);
        TestPipeline.AssertEvidenceRoundTrips(result);
    }

    [Fact]
    public void A_document_with_an_event_in_its_title_and_no_body_is_extracted_from_the_title()
    {
        var result = TestPipeline.Instance.Extract(
            new SourceDocument { Id = "title-only", Title = Report, Text = string.Empty, Published = TestPipeline.Published }, withText: true);

        var e = Assert.Single(result.Events);
        Assert.Equal("YE-SD", e.Admin1Code);
        TestPipeline.AssertEvidenceRoundTrips(result);
    }

    private static string RandomChars(Random random, int count, int from, int to)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = (char)random.Next(from, to + 1);
        }

        return new string(chars);
    }

    private static string RandomRunes(Random random, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            int value;
            do
            {
                value = random.Next(0, 0x110000);
            }
            while (!Rune.IsValid(value));

            sb.Append(new Rune(value).ToString());
        }

        return sb.ToString();
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string OneMegabyteLine()
    {
        const string prose = "وقال التجار إن الأسعار ارتفعت في الأسواق المحلية مع اقتراب الموسم وإن الطلب زاد على السلع الأساسية ";
        const string war = "وشنت طائرات التحالف غارة على مواقع في مدينة صعدة ";
        var sb = new StringBuilder(1_050_000);
        var i = 0;
        while (sb.Length < 1_000_000)
        {
            sb.Append(++i % 2000 == 0 ? war : prose);
        }

        return sb.ToString();
    }
}
