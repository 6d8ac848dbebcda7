using Rasid.Events;
using Rasid.Records;
using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

public partial class EventExtractorTests
{
    private const string StrikeReport = "شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.";

    [Fact]
    public void A_quote_restating_the_strike_without_place_or_toll_adds_no_second_event()
    {
        // Given a strike report followed by a spokesman restating the bombardment in other words
        var text = StrikeReport + " وأضاف المتحدث أن القصف المدفعي استهدف مواقع الحوثيين ردا على هجماتهم.";

        // When / Then: one event, the strike itself
        var result = TestPipeline.Extract(text, new DateOnly(2024, 3, 10));
        var e = Assert.Single(result.Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal("YE-SD", e.Admin1Code);
    }

    [Fact]
    public void Reported_speech_that_names_its_own_place_is_an_event_of_its_own()
    {
        // The twin of the test above: the quote states a different province, so it reports a second strike.
        var text = StrikeReport + "\n\nوأضاف المتحدث أن الغارات الجوية استهدفت مواقع للحوثيين في مدينة الحديدة.";

        var result = TestPipeline.Extract(text, new DateOnly(2024, 3, 10));
        Assert.Equal(["YE-HU", "YE-SD"], result.Events.Select(e => e.Admin1Code!).Order(StringComparer.Ordinal));
        Assert.All(result.Events, e => Assert.Equal(EventTypes.RemoteViolence, e.EventType));
    }

    [Fact]
    public void A_body_report_with_no_place_of_its_own_takes_the_headline_s_place_of_the_same_province()
    {
        // "جنوبي البلاد" is no gazetteer place: the body's report is placed only through the headline, which states it.
        var result = TestPipeline.Extract(
            "أعلنت وزارة الصحة اللبنانية مقتل 3 مسعفين وإصابة 2 آخرين بجروح أحدهما حالته حرجة؛ جراء غارة إسرائيلية جنوبي البلاد.",
            title: "مقتل 3 مسعفين بغارة إسرائيلية على جنوب لبنان");

        var e = Assert.Single(result.Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal("LB", e.Iso2);
        Assert.Equal(3, e.Fatalities);
    }
}

public partial class EventExtractorTests
{
    [Fact]
    public void A_small_foreign_namesake_gives_way_to_a_place_of_the_articles_country()
    {
        // "حي الفرسان" (a Ubari neighbourhood) is missing from the gazetteer, which has a Saudi village of that name;
        // the Libyan town named in the same sentence is the event's place.
        var e = SingleEvent("قتل 3 أشخاص في غارة جوية شنتها طائرة مجهولة على حي الفرسان في مدينة أوباري جنوب ليبيا.");
        Assert.Equal("LY", e.Iso2);
        Assert.Equal("أوباري", e.LocationAr);
    }
}
