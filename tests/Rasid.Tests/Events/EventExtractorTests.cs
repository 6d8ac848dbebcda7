using Rasid.Events;
using Rasid.Records;
using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

/// <summary>
/// Behaviour of the whole pipeline (cleaning → text layer → actors, places, numbers, dates → events → records) on
/// short sentences written for these tests. Each sentence is one document published on <see cref="TestPipeline.Published"/>.
/// The assertions are the robust ones: types, provinces, counts, filters and record invariants, not actor roles.
/// </summary>
public partial class EventExtractorTests
{
    private static EventRecord SingleEvent(string text, DateOnly? published = null)
    {
        var result = TestPipeline.Extract(text, published);
        Assert.True(result.Relevant, $"no event in: {text}");
        return Assert.Single(result.Events);
    }
}
