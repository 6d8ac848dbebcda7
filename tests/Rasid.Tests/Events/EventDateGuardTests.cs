using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

/// <summary>An event dated more than 30 days before its article must state that date in its own sentence (issue 12).</summary>
[Trait("Issue", "12")]
public class EventDateGuardTests
{
    private static readonly DateOnly s_published = new(2018, 5, 10);

    [Fact]
    public void An_old_date_carried_from_the_sentence_before_is_background_and_the_event_takes_the_publication_date()
    {
        var result = TestPipeline.Extract("وكان التنظيم قد سيطر على المدينة في يونيو 2014. وقتل خمسة جنود في هجوم مسلح على حاجز للجيش في مدينة الموصل.", s_published);

        var e = Assert.Single(result.Events);
        Assert.Equal("2018-05-10", e.Date);
        Assert.Null(e.DateText);
        Assert.Contains("date", e.Inferred!);
    }

    [Fact]
    public void An_old_date_written_in_the_events_own_sentence_is_kept()
    {
        var result = TestPipeline.Extract("قتل خمسة جنود في هجوم مسلح على حاجز للجيش في مدينة الموصل في 3 يونيو 2014.", s_published);

        var e = Assert.Single(result.Events);
        Assert.Equal("2014-06-03", e.Date);
        Assert.Equal("3 يونيو 2014", e.Spans!.Date!.Text);
        Assert.Null(e.Inferred);
    }

    [Fact]
    public void An_old_date_in_the_next_sentence_of_the_same_event_is_kept_and_the_evidence_covers_both_sentences()
    {
        const string first = "ولم تكن هذه أول مرة تشن فيها غارات على سوق شعبي في اليمن.";
        const string second = "وقتل 40 مدنيا في 12 مارس 2016 في غارات جوية استهدفت سوقا في مدينة حرض بمحافظة حجة.";
        var result = TestPipeline.Extract(first + " " + second, new DateOnly(2018, 4, 23));

        var e = Assert.Single(result.Events);
        Assert.Equal("2016-03-12", e.Date);
        Assert.Equal(first + " " + second, e.Evidence.Text);
        Assert.Contains(e.Spans!.Date!.Text!, e.Evidence.Text, StringComparison.Ordinal);
        TestPipeline.AssertEvidenceRoundTrips(result);
    }

    [Fact]
    public void The_day_of_the_articles_lead_given_to_an_undated_event_is_marked_inferred_with_the_leads_words()
    {
        // The lead dates the first report; the third sentence reports another event without a date of its own.
        var result = TestPipeline.Extract(
            "قتل ثلاثة جنود في هجوم مسلح على حاجز في مدينة الموصل أمس. وأعلنت السلطات حظر التجول في المدينة. وفي سياق آخر، اختطف مسلحون مجهولون صحفيا في مدينة كركوك.",
            s_published);

        var later = result.Events.Single(e => e.Location == "Kirkuk");
        Assert.Equal("2018-05-09", later.Date);
        Assert.Equal("أمس", later.Spans!.Date!.Text);
        Assert.Contains("date", later.Inferred!);
    }

    [Fact]
    public void A_recent_date_carried_from_the_sentence_before_is_kept()
    {
        var result = TestPipeline.Extract("شهدت مدينة الموصل أمس توترا أمنيا. وقتل خمسة جنود في هجوم مسلح على حاجز للجيش في مدينة الموصل.", s_published);

        Assert.Contains(result.Events, e => e.Date == "2018-05-09" && e.DateText == "أمس");
    }
}
