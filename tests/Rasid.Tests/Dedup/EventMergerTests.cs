using Rasid.Dedup;
using static Rasid.Tests.Dedup.Events;

namespace Rasid.Tests.Dedup;

public class EventMergerTests
{
    [Fact]
    public void Same_event_from_three_outlets_becomes_one_event_with_the_lowest_toll_and_three_sources()
    {
        // Given three outlets reporting the clash with 12, 8 and 10 dead (one with no injured figure)
        var clusterer = new EventClusterer();
        clusterer.Add(Mention("a", Clash(12) with { Injured = 20 }, publisher: "Saba"));
        clusterer.Add(Mention("b", Clash(8) with { Injured = null }, publisher: "Aden al-Ghad"));
        clusterer.Add(Mention("c", Clash(10) with { Injured = 15, Date = "2024-03-14" }, publisher: "Al Masdar"));

        // Then
        var e = Assert.Single(clusterer.Events());
        Assert.Equal(8, e.Record.Fatalities);
        Assert.Equal("b#0000", e.CountSources.Fatalities);
        Assert.Equal(15, e.Record.Injured);
        Assert.Equal("c#0000", e.CountSources.Injured);
        Assert.Equal(["a", "b", "c"], e.Sources.Select(s => s.DocumentId));
        Assert.Equal([12, 8, 10], e.Sources.Select(s => s.Fatalities));
        Assert.Equal(["Saba", "Aden al-Ghad", "Al Masdar"], e.Sources.Select(s => s.Publisher));
        Assert.Equal("2024-03-14", e.Record.Date);
    }

    [Fact]
    public void Two_clashes_in_different_districts_on_one_day_stay_two_events()
    {
        var clusterer = new EventClusterer();
        clusterer.Add(Mention("a", Clash()));
        // Mawza district, about 60 km west of Taizz city.
        clusterer.Add(Mention("b", Clash() with { Admin2 = "Mawza", Location = "Mawza", LocationAr = "موزع", Latitude = 13.2667, Longitude = 43.5167 }));
        Assert.Equal(2, clusterer.Count);
    }

    [Fact]
    public void Same_place_three_days_apart_stays_two_events()
    {
        var clusterer = new EventClusterer();
        clusterer.Add(Mention("a", Clash(date: "2024-03-15")));
        clusterer.Add(Mention("b", Clash(date: "2024-03-18"), published: "2024-03-19"));
        Assert.Equal(2, clusterer.Count);
    }

    [Fact]
    public void Incompatible_actors_stay_two_events()
    {
        var clusterer = new EventClusterer();
        clusterer.Add(Mention("a", Clash()));
        clusterer.Add(Mention("b", Clash() with { Actor1 = Actor("AQAP: Al Qaeda in the Arabian Peninsula", 2) }));
        Assert.Equal(2, clusterer.Count);
    }

    [Fact]
    public void Mentions_of_one_document_are_never_merged()
    {
        var a = Mention("a", Clash(), ordinal: 0);
        var b = Mention("a", Clash(), ordinal: 1);
        Assert.False(EventMerger.AreCompatible(a, b));
    }

    [Fact]
    public void Different_admin1_never_merge_even_when_close()
    {
        // Same coordinates and names, but coded in Lahij instead of Taizz.
        var a = Mention("a", Clash());
        var b = Mention("b", Clash() with { Admin1 = "Lahij", Admin1Code = "YE-LA" });
        Assert.False(EventMerger.AreCompatible(a, b));
    }

    [Fact]
    public void A_battle_absorbs_an_airstrike_on_the_same_actors_and_keeps_the_battle_type()
    {
        var strike = Clash(3) with
        {
            EventType = "Explosions/Remote violence",
            SubEventType = "Air/drone strike",
            Actor1 = Actor("Military Forces of Yemen", 1),
            Actor2 = Actor("Houthis", 2),
        };
        var clusterer = new EventClusterer();
        clusterer.Add(Mention("a", strike));
        clusterer.Add(Mention("b", Clash(7)));
        var e = Assert.Single(clusterer.Events());
        Assert.Equal("Battles", e.Record.EventType);
        Assert.Equal("Armed clash", e.Record.SubEventType);
        Assert.Equal(3, e.Record.Fatalities);
    }

    [Fact]
    public void An_airstrike_with_no_shared_named_actor_is_not_absorbed_by_a_battle()
    {
        var strike = Clash() with { EventType = "Explosions/Remote violence", SubEventType = "Air/drone strike", Actor1 = null, Actor2 = null };
        Assert.False(EventMerger.AreCompatible(Mention("a", strike), Mention("b", Clash())));
    }

    [Fact]
    public void An_unknown_side_is_compatible_with_a_named_one()
    {
        var gunmen = Clash() with { Actor1 = Actor(EventMerger.UnidentifiedActor, 3), Actor2 = null };
        Assert.True(EventMerger.AreCompatible(Mention("a", gunmen), Mention("b", Clash())));
    }

    [Fact]
    public void Battle_sides_may_be_reported_in_either_order()
    {
        var swapped = Clash() with { Actor1 = Clash().Actor2, Actor2 = Clash().Actor1 };
        Assert.True(EventMerger.AreCompatible(Mention("a", swapped), Mention("b", Clash())));
    }

    [Theory]
    [InlineData("2024-03-16", "2024-03-16", true)] // published the same day
    [InlineData("2024-03-16", "2024-03-18", true)] // two days apart: inside the publication window
    [InlineData("2024-03-16", "2024-03-21", false)] // five days apart: different events
    public void Undated_mentions_merge_only_when_published_close_together(string published1, string published2, bool merged)
    {
        var a = Mention("a", Clash(date: null), published: published1);
        var b = Mention("b", Clash(date: null), published: published2);
        Assert.Equal(merged, EventMerger.AreCompatible(a, b));
    }

    [Fact]
    public void Undated_mentions_without_publication_date_never_merge()
    {
        Assert.False(EventMerger.AreCompatible(Mention("a", Clash(date: null), published: null), Mention("b", Clash(date: null), published: null)));
    }

    [Theory]
    [InlineData(13.5795, 44.0209, true)] // same point, other district name
    [InlineData(13.62, 44.05, true)] // about 5.5 km away
    [InlineData(13.70, 44.10, false)] // about 16 km away
    public void Different_district_names_merge_only_within_ten_kilometres(double lat, double lon, bool merged)
    {
        var b = Clash() with { Admin2 = "Salh", Latitude = lat, Longitude = lon };
        Assert.Equal(merged, EventMerger.AreCompatible(Mention("a", Clash()), Mention("b", b)));
    }

    [Fact]
    public void The_event_key_does_not_depend_on_arrival_order()
    {
        var forward = new EventClusterer();
        var backward = new EventClusterer();
        var mentions = new[] { Mention("x", Clash(4)), Mention("m", Clash(6)), Mention("b", Clash(5)) };
        foreach (var m in mentions)
        {
            forward.Add(m);
        }

        foreach (var m in mentions.Reverse())
        {
            backward.Add(m);
        }

        Assert.Equal("b#0000", Assert.Single(forward.Events()).EventKey);
        Assert.Equal(Assert.Single(forward.Events()), Assert.Single(backward.Events()), new MergedEventComparer());
    }

    [Fact]
    public void Null_counts_are_not_a_figure_and_all_null_stays_null()
    {
        var e = EventMerger.Merge([Mention("a", Clash(null)), Mention("b", Clash(null))]);
        Assert.Null(e.Record.Fatalities);
        Assert.Null(e.CountSources.Fatalities);
    }

    [Fact]
    public void The_merge_window_of_an_undated_mention_is_the_days_before_publication()
    {
        var w = EventMerger.WindowOf(Mention("a", Clash(date: null), published: "2024-03-16"));
        Assert.Equal(new DateWindow(new DateOnly(2024, 3, 14), new DateOnly(2024, 3, 16)), w);
    }

    private sealed class MergedEventComparer : IEqualityComparer<MergedEvent>
    {
        public bool Equals(MergedEvent? x, MergedEvent? y) =>
            x!.EventKey == y!.EventKey && x.Record.Fatalities == y.Record.Fatalities && x.Sources.SequenceEqual(y.Sources) && x.CountSources == y.CountSources;

        public int GetHashCode(MergedEvent obj) => obj.EventKey.GetHashCode(StringComparison.Ordinal);
    }
}
