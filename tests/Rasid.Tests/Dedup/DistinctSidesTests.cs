using Rasid.Dedup;
using Rasid.Records;
using static Rasid.Tests.Dedup.Events;

namespace Rasid.Tests.Dedup;

/// <summary>ACLED never codes an actor against itself: actor1 = actor2 is never output (issue 12).</summary>
[Trait("Issue", "12")]
public class DistinctSidesTests
{
    private static readonly ActorRecord s_houthis = Actor("Houthis", 2, "الحوثي");

    [Fact]
    public void A_second_side_equal_to_the_first_gives_way_to_the_next_actor_of_the_second_side()
    {
        var army = Actor("Military Forces of Yemen", 1, "الجيش");
        var record = Clash() with { Actor1 = s_houthis, Actor2 = s_houthis, AssocActor2 = [s_houthis, army] };

        var fixedRecord = record.WithDistinctSides();

        Assert.Equal("Military Forces of Yemen", fixedRecord.Actor2!.Name);
        Assert.Empty(fixedRecord.AssocActor2);
    }

    [Fact]
    public void A_second_side_equal_to_the_first_with_no_other_candidate_is_dropped()
    {
        var record = Clash() with { Actor1 = s_houthis, Actor2 = s_houthis with { Inferred = true }, Inferred = ["actor2"] };

        var fixedRecord = record.WithDistinctSides();

        Assert.Null(fixedRecord.Actor2);
        Assert.Null(fixedRecord.Inferred);
    }

    [Fact]
    public void Different_sides_are_left_as_they_are()
    {
        var record = Clash();
        Assert.Same(record, record.WithDistinctSides());
    }

    [Fact]
    public void Merging_reports_that_name_the_sides_in_different_orders_never_gives_one_actor_on_both_sides()
    {
        // Given one report with only the army as actor2 and another that names the army as actor1 and the Houthis as actor2
        var army = Actor("Military Forces of Yemen", 1, "الجيش");
        var a = Clash() with { Actor1 = null, Actor2 = army };
        var b = Clash() with { Actor1 = army, Actor2 = army };

        // When
        var merged = EventMerger.Merge([Mention("a", a), Mention("b", b)]);

        // Then
        Assert.Equal("Military Forces of Yemen", merged.Record.Actor1!.Name);
        Assert.Null(merged.Record.Actor2);
    }

    [Fact]
    public void A_record_merged_from_several_documents_carries_no_field_spans()
    {
        var span = new EvidenceRecord { Start = 3, End = 9, Text = "الحوثي" };
        var withSpans = Clash() with { Actor1 = s_houthis with { Span = span }, Spans = new FieldSpans { Location = span } };

        var merged = EventMerger.Merge([Mention("a", withSpans), Mention("b", Clash())]);
        var single = EventMerger.Merge([Mention("a", withSpans)]);

        Assert.Null(merged.Record.Spans);
        Assert.Null(merged.Record.Actor1!.Span);
        Assert.Equal(span, single.Record.Spans!.Location);
        Assert.Equal(span, single.Record.Actor1!.Span);
    }
}
