using System.Globalization;
using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

public partial class EventExtractorTests
{
    [Fact]
    public void Evidence_offsets_count_code_points_and_select_the_evidence_text_in_the_returned_text()
    {
        // Given a first line whose emoji and mathematical letter lie outside the BMP (two UTF-16 units each)
        const string report = "شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.";
        var text = "😀😀 خبر عاجل 𝕏\n" + report;

        // When
        var result = TestPipeline.Extract(text);

        // Then the offsets are code points (14), not UTF-16 units (17), and slice exactly the evidence
        var e = Assert.Single(result.Events);
        Assert.NotNull(result.Text);
        var utf16Start = result.Text.IndexOf(report, StringComparison.Ordinal);
        Assert.Equal(TestPipeline.CodePointCount(result.Text[..utf16Start]), e.Evidence.Start);
        Assert.NotEqual(utf16Start, e.Evidence.Start);
        Assert.Equal(report, e.Evidence.Text);
        TestPipeline.AssertEvidenceRoundTrips(result);
    }

    [Fact]
    public void Evidence_is_the_sentence_stating_the_event_not_the_whole_document()
    {
        const string report = "وفي سياق آخر، انفجرت عبوة ناسفة بسيارة عسكرية في مدينة عتق بمحافظة شبوة أمس، ما أدى إلى مقتل جنديين.";
        var result = TestPipeline.Extract("ارتفعت أسعار الوقود في مدينة عدن.\n" + report);

        var e = Assert.Single(result.Events);
        Assert.Equal(report, e.Evidence.Text);
        Assert.Equal(2, e.Fatalities);
        TestPipeline.AssertEvidenceRoundTrips(result);
    }

    [Theory]
    // Air strike with a date and two actors.
    [InlineData("شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.")]
    // IED with injured and no date.
    [InlineData("أصيب جنديان بانفجار عبوة ناسفة استهدفت دورية للجيش اليمني في مدينة عتق بمحافظة شبوة.")]
    // Arrest (a Strategic development).
    [InlineData("اعتقلت الشرطة العراقية خمسة إرهابيين في مدينة الموصل.")]
    // Agreement with a released count.
    [InlineData("أعلنت جماعة الحوثي الإفراج عن 31 أسيرا من القوات الحكومية في مدينة صنعاء.")]
    // Air strike with no actor named ("unidentified actors").
    [InlineData("قصف الطيران مدينة صعدة أمس.")]
    public void Notes_are_one_non_empty_English_sentence(string text)
    {
        var notes = SingleEvent(text).Notes;

        Assert.False(string.IsNullOrWhiteSpace(notes));
        Assert.True(char.IsUpper(notes[0]), notes);
        Assert.EndsWith(".", notes, StringComparison.Ordinal);
        Assert.DoesNotContain(notes, c => c is >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\uFB50' and <= '\uFEFF');
        Assert.DoesNotContain(". ", notes.TrimEnd('.'), StringComparison.Ordinal);
    }

    [Theory]
    // "أمس" is the day before publication.
    [InlineData("2024-03-10", "شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.", "2024-03-09")]
    // ... across a year boundary.
    [InlineData("2024-01-01", "شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.", "2023-12-31")]
    // ... across a leap day.
    [InlineData("2024-03-01", "شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.", "2024-02-29")]
    // "اليوم" is the publication day.
    [InlineData("2024-03-10", "قصفت طائرات حربية مواقع لتنظيم داعش في مدينة الرقة اليوم.", "2024-03-10")]
    public void A_relative_date_resolves_against_the_publication_date_to_an_exact_day(string published, string text, string date)
    {
        var e = SingleEvent(text, DateOnly.ParseExact(published, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.Equal(date, e.Date);
        Assert.Equal(1, e.DatePrecision);
        Assert.NotNull(e.DateText);
    }

    [Theory]
    // The day in the reporting clause ("كشفت مصادر، الأحد، عن") is the statement's: the act's own day wins.
    [InlineData("كشفت مصادر محلية، الأحد، عن مقتل جندي في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة يوم السبت.", "2024-03-09")]
    [InlineData("قتل جندي في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة يوم السبت، وفق ما ذكرت مصادر محلية الأحد.", "2024-03-09")]
    // After "أن" or "عن" the day is the act's, even right after the reporting verb's subject.
    [InlineData("قالت مصادر محلية يوم الأحد إن جنديا قتل في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة السبت.", "2024-03-09")]
    public void The_day_of_the_statement_gives_way_to_the_day_of_the_act(string text, string date)
    {
        var e = SingleEvent(text, new DateOnly(2024, 3, 10));

        Assert.Equal(date, e.Date);
    }

    [Fact]
    public void The_lead_day_is_the_day_of_the_act_not_of_the_statement()
    {
        var result = TestPipeline.Extract(
            "أعلنت الشرطة الأحد أن مسلحين قتلوا جنديا في مدينة عتق بمحافظة شبوة صباح السبت.\n" +
            "وفي محافظة مأرب، اندلعت اشتباكات عنيفة بين الجيش والحوثيين في مديرية صرواح.",
            new DateOnly(2024, 3, 10));

        var clash = Assert.Single(result.Events, e => e.Admin1Code == "YE-MA");
        Assert.Equal("2024-03-09", clash.Date);
    }

    [Fact]
    public void An_event_without_a_date_expression_has_no_date_without_a_publication_date()
    {
        var result = TestPipeline.Instance.Extract(new Rasid.Ingestion.SourceDocument { Id = "t", Text = "اعتقلت الشرطة العراقية خمسة إرهابيين في مدينة الموصل." });
        var e = Assert.Single(result.Events);

        Assert.Null(e.Date);
        Assert.Null(e.DateText);
        Assert.Null(e.DatePrecision);
    }

    [Fact]
    public void An_event_without_a_date_expression_is_dated_to_the_publication_within_the_week()
    {
        var e = SingleEvent("اعتقلت الشرطة العراقية خمسة إرهابيين في مدينة الموصل.", new DateOnly(2015, 7, 21));

        Assert.Equal("2015-07-21", e.Date);
        Assert.Null(e.DateText);
        Assert.Equal(2, e.DatePrecision);
    }

    [Fact]
    public void An_event_without_a_date_of_its_own_takes_the_day_of_the_article_lead()
    {
        var result = TestPipeline.Extract(
            "شنت مقاتلات التحالف أمس غارات على مواقع الحوثيين في مدينة صعدة.\n" +
            "وقال مسؤول محلي إن العملية استمرت ساعات.\n" +
            "وفي محافظة مأرب، اندلعت اشتباكات عنيفة بين الجيش والحوثيين في مديرية صرواح.",
            new DateOnly(2015, 7, 21));

        var clash = Assert.Single(result.Events, e => e.EventType == "Battles");
        Assert.Equal("2015-07-20", clash.Date);
        Assert.Equal("أمس", clash.DateText);
    }
}
