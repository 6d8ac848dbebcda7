using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

public partial class EventExtractorTests
{
    [Theory]
    // The future prefix س on the governing verb: an announced plan, not an event.
    [InlineData("سيشن الجيش العراقي هجوما على مسلحي داعش في مدينة الموصل خلال الأيام المقبلة.", 0)]
    // The same sentence in the past tense is an event (the twin that shows the test can fail).
    [InlineData("شن الجيش العراقي هجوما على مسلحي داعش في مدينة الموصل أمس.", 1)]
    // Words that only look like future verbs (سيطرة، سيارة) do not block the event.
    [InlineData("انفجرت سيارة مفخخة في مدينة الموصل أمس.", 1)]
    public void A_future_verb_announces_a_plan_not_an_event(string text, int expectedEvents)
    {
        var result = TestPipeline.Extract(text, new DateOnly(2024, 3, 10));
        Assert.Equal(expectedEvents, result.Events.Count);
    }
}
