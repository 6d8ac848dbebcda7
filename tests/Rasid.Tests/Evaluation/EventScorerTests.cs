using Rasid.Evaluation;
using Rasid.Records;

namespace Rasid.Tests.Evaluation;

public class EventScorerTests
{
    private static EventRecord Predicted(string type, string sub, string? admin1, string? location, string? actor1 = null, int? killed = null) => new()
    {
        EventType = type,
        SubEventType = sub,
        Admin1Code = admin1,
        LocationAr = location,
        Actor1 = actor1 is null ? null : new ActorRecord { Name = actor1, Inter = 2 },
        Fatalities = killed,
        Evidence = new EvidenceRecord { Start = 0, End = 1 },
    };

    private static GoldEvent Gold(string type, string sub, string? admin1, string[] locations, bool optional = false, string[]? actor1 = null, int? killed = null) => new()
    {
        EventType = type,
        SubEventTypes = [sub],
        Admin1Code = admin1,
        LocationAr = locations,
        Optional = optional,
        Actor1 = actor1,
        Fatalities = killed,
    };

    private static EvaluationReport Score(GoldEvent[] gold, EventRecord[] predicted) =>
        EventScorer.Score(
            [new GoldDocument("d", gold)],
            new Dictionary<string, DocumentResult> { ["d"] = new() { DocId = "d", Events = predicted } });

    [Fact]
    public void A_pair_needs_the_same_event_type_and_province()
    {
        var report = Score(
            [Gold("Battles", "Armed clash", "YE-TA", ["تعز"])],
            [Predicted("Battles", "Armed clash", "YE-AD", "عدن")]);
        Assert.Equal(new PrfScore(0, 1, 1), report.Detection);
    }

    [Fact]
    public void Strict_match_also_needs_sub_type_and_location_after_normalisation()
    {
        var report = Score(
            [Gold("Battles", "Armed clash", "YE-DH", ["عتمة"])],
            [Predicted("Battles", "Armed clash", "YE-DH", "العتمه")]);
        Assert.Equal(1, report.Strict.TruePositives);

        var wrongSub = Score(
            [Gold("Battles", "Armed clash", "YE-DH", ["عتمة"])],
            [Predicted("Battles", "Government regains territory", "YE-DH", "عتمة")]);
        Assert.Equal(1, wrongSub.Detection.TruePositives);
        Assert.Equal(0, wrongSub.Strict.TruePositives);
    }

    [Fact]
    public void A_prediction_paired_with_an_optional_gold_event_is_neither_true_nor_false_positive()
    {
        var report = Score(
            [Gold("Battles", "Armed clash", "YE-BA", ["الزاهر"], optional: true)],
            [Predicted("Battles", "Armed clash", "YE-BA", "الزاهر")]);
        Assert.Equal(new PrfScore(0, 0, 0), report.Detection);
    }

    [Fact]
    public void Greedy_pairing_prefers_the_same_sub_type_then_location()
    {
        var report = Score(
            [Gold("Explosions/Remote violence", "Air/drone strike", "YE-BA", ["الزاهر"]), Gold("Explosions/Remote violence", "Shelling/artillery/missile attack", "YE-BA", ["مكيراس"])],
            [Predicted("Explosions/Remote violence", "Shelling/artillery/missile attack", "YE-BA", "مكيراس"), Predicted("Explosions/Remote violence", "Air/drone strike", "YE-BA", "الزاهر")]);
        Assert.Equal(2, report.Strict.TruePositives);
        Assert.Equal(1.0, report.Fields["sub_event_type"].Accuracy);
    }

    [Theory]
    [InlineData("الحوثيين", new[] { "الحوثيين" }, true)] // equal
    [InlineData("ميليشيا الحوثي", new[] { "الحوثي" }, true)] // contains as a whole word (article dropped)
    [InlineData("الحوثيون", new[] { "الحوثي" }, false)] // a different word is not a whole-word match
    [InlineData("Military Forces of Yemen (2012-)", new[] { "Military Forces of Yemen" }, true)] // English name contains the accepted one
    public void Actor_names_match_by_equality_or_whole_word_containment(string mention, string[] accepted, bool expected)
    {
        var actor = new ActorRecord { Name = "x", Mention = mention };
        var englishActor = new ActorRecord { Name = mention };
        Assert.Equal(expected, EventScorer.ActorMatches(actor, accepted) || EventScorer.ActorMatches(englishActor, accepted));
    }

    [Fact]
    public void Counts_are_scored_only_where_gold_has_them()
    {
        var report = Score(
            [Gold("Battles", "Armed clash", "YE-DA", ["دمت"], killed: 12), Gold("Battles", "Armed clash", "YE-BA", ["الزاهر"])],
            [Predicted("Battles", "Armed clash", "YE-DA", "دمت", killed: 12), Predicted("Battles", "Armed clash", "YE-BA", "الزاهر", killed: 3)]);
        Assert.Equal(1, report.Fields["fatalities"].Total);
        Assert.Equal(1, report.Fields["fatalities"].Correct);
    }

    [Fact]
    public void Battles_accept_the_actors_in_either_order()
    {
        var gold = Gold("Battles", "Armed clash", "YE-DA", ["دمت"], actor1: ["Houthis"]);
        var predicted = Predicted("Battles", "Armed clash", "YE-DA", "دمت", actor1: "Popular Resistance") with
        {
            Actor2 = new ActorRecord { Name = "Houthis", Inter = 2 },
        };
        var report = Score([gold], [predicted]);
        Assert.Equal(1, report.Fields["actor1"].Correct);
    }

    [Fact]
    public void Agreements_accept_the_actors_in_either_order()
    {
        var gold = Gold("Strategic developments", "Agreement", "YE-TA", ["تعز"], actor1: ["Houthis"]);
        var predicted = Predicted("Strategic developments", "Agreement", "YE-TA", "تعز", actor1: "Popular Resistance") with
        {
            Actor2 = new ActorRecord { Name = "Houthis", Inter = 2 },
        };
        Assert.Equal(1, Score([gold], [predicted]).Fields["actor1"].Correct);

        var attack = Gold("Violence against civilians", "Attack", "YE-TA", ["تعز"], actor1: ["Houthis"]);
        var swapped = Predicted("Violence against civilians", "Attack", "YE-TA", "تعز", actor1: "Civilians") with
        {
            Actor2 = new ActorRecord { Name = "Houthis", Inter = 2 },
        };
        Assert.Equal(0, Score([attack], [swapped]).Fields["actor1"].Correct);
    }

    [Fact]
    public void An_optional_gold_event_without_a_province_pairs_on_event_type_alone()
    {
        var wide = Score(
            [Gold("Explosions/Remote violence", "Air/drone strike", null, ["قطاع غزة"], optional: true)],
            [Predicted("Explosions/Remote violence", "Air/drone strike", "PS-KYS", "خان يونس")]);
        Assert.Equal(new PrfScore(0, 0, 0), wide.Detection);

        var required = Score(
            [Gold("Explosions/Remote violence", "Air/drone strike", null, ["قطاع غزة"])],
            [Predicted("Explosions/Remote violence", "Air/drone strike", "PS-KYS", "خان يونس")]);
        Assert.Equal(new PrfScore(0, 1, 1), required.Detection);
    }
}
