using Rasid.Dedup;
using Rasid.Storage.Sql;

namespace Rasid.Tests.Storage;

/// <summary>The in-memory merge windows that answer the merge's candidate lookups (issue 16).</summary>
[Trait("Issue", "16")]
public class EventWindowIndexTests
{
    private static DateOnly Day(int day) => new(2024, 3, day);

    [Fact]
    public void Ranges_read_merge_when_they_overlap_or_touch_and_cover_only_what_was_read()
    {
        var index = new EventWindowIndex();
        index.MarkRead("YE-TA", Day(1), Day(5));
        index.MarkRead("YE-TA", Day(10), Day(12));
        Assert.True(index.Covers("YE-TA", Day(2), Day(5)));
        Assert.False(index.Covers("YE-TA", Day(4), Day(10)));   // days 6-9 were not read
        Assert.False(index.Covers("YE-IB", Day(2), Day(3)));    // another admin1

        index.MarkRead("YE-TA", Day(6), Day(9));                // touches both: one range 1-12
        Assert.True(index.Covers("YE-TA", Day(1), Day(12)));
        Assert.False(index.Covers("YE-TA", Day(1), Day(13)));
    }

    [Fact]
    public void Find_returns_the_events_whose_window_starts_in_the_range_and_reaches_the_day_in_id_order()
    {
        var index = new EventWindowIndex();
        index.Add("YE-TA", 7, new DateWindow(Day(3), Day(4)));
        index.Add("YE-TA", 2, new DateWindow(Day(5), Day(9)));
        index.Add("YE-TA", 5, new DateWindow(Day(1), Day(2)));   // ends before day 3
        index.Add("YE-TA", 9, new DateWindow(Day(8), Day(8)));   // starts after day 6
        index.Add("YE-IB", 4, new DateWindow(Day(3), Day(4)));   // another admin1
        index.Add("YE-TA", 7, new DateWindow(Day(3), Day(4)));   // already held: no duplicate

        Assert.Equal([2, 7], index.Find("YE-TA", Day(1), Day(6), Day(3)));

        index.Remove(7);
        index.Remove(7);
        Assert.Equal([2], index.Find("YE-TA", Day(1), Day(6), Day(3)));
        Assert.Equal(4, index.Count);
    }
}
