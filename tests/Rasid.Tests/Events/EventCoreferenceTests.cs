using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

/// <summary>Document-level coreference: reports of one incident make one event (ANNOTATION.md, "One event per ...").</summary>
public class EventCoreferenceTests
{
    [Fact]
    public void An_intercepted_missile_is_one_disrupted_weapons_event_not_an_attack_as_well()
    {
        var result = TestPipeline.Extract("اعترضت قوات الدفاع الجوي السعودي صاروخا باليستيا أطلقته ميليشيا الحوثي باتجاه مدينة نجران.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Disrupted weapons use", e.SubEventType);
    }

    [Fact]
    public void A_later_sentence_about_the_same_clash_joins_its_event()
    {
        var result = TestPipeline.Extract(
            "اندلعت اشتباكات عنيفة بين الجيش اليمني ومسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة. " +
            "وأفاد مصدر محلي أن الاشتباكات تجددت مساء بين الجيش ومسلحي تنظيم القاعدة في أطراف مدينة عتق وأسفرت عن مقتل 4 مسلحين.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Battles", e.EventType);
        Assert.Equal(4, e.Fatalities);
    }

    [Fact]
    public void Clashes_in_two_provinces_stay_two_events()
    {
        var result = TestPipeline.Extract(
            "اندلعت اشتباكات عنيفة بين الجيش اليمني ومسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة. " +
            "كما اندلعت اشتباكات بين الجيش ومسلحي تنظيم القاعدة في مدينة زنجبار بمحافظة أبين.");

        Assert.Equal(2, result.Events.Count);
    }

    [Fact]
    public void A_claim_of_responsibility_for_the_attack_is_the_same_event_not_a_new_one()
    {
        var result = TestPipeline.Extract(
            "قتل خمسة جنود في تفجير سيارة مفخخة استهدف نقطة تفتيش للجيش في مدينة العريش. " +
            "وأغلقت السلطات الطرق المؤدية إلى المدينة. " +
            "وأعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم الذي وقع في محافظة شمال سيناء.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Explosions/Remote violence", e.EventType);
        Assert.Equal(5, e.Fatalities);
    }

    [Fact]
    public void A_demonstrative_points_back_to_the_act_already_told()
    {
        // "هذه القذائف" with a place of its own is still the shelling of the first sentence, not a second one.
        var result = TestPipeline.Extract(
            "سقطت أربع قذائف صاروخية في باحة مطار البصرة الدولي صباح اليوم. " +
            "ولم يعرف مصدر هذه القذائف التي تأتي في وقت تشهد فيه مدينة البصرة احتجاجات واسعة.");

        Assert.Single(result.Events, e => e.EventType == "Explosions/Remote violence");
    }

    [Fact]
    public void A_claim_of_acts_the_article_never_reports_is_no_event()
    {
        // The only act told is an arrest (a strategic development); "الهجمات الأربعة" are not reported, have no place
        // or toll of their own, and make no event.
        var result = TestPipeline.Extract(
            "اعتقلت الشرطة المصرية ثلاثة مشتبه بهم في مدينة القاهرة. " +
            "وأعلن تنظيم الدولة الإسلامية مسؤوليته عن الهجمات الأربعة.");

        Assert.DoesNotContain(result.Events, e => e.EventType != "Strategic developments");
    }

    [Fact]
    public void A_supporting_force_is_on_the_attacker_side_not_its_opponent()
    {
        // "مدعومة من طيران وسلاح التحالف": the coalition supports Hadi's forces; it is no side against them.
        var result = TestPipeline.Extract("وسقطت قاعدة العند في محافظة لحج بعد هجوم شنته قوات هادي مدعومة من طيران وسلاح التحالف العربي.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Military Forces of Yemen (2012-)", e.Actor1?.Name);
        Assert.NotEqual("Saudi-led Coalition (Operation Restoring Hope)", e.Actor2?.Name);
    }

    [Fact]
    public void An_air_strike_named_by_its_nisba_has_that_attacker_as_actor1_and_the_victims_as_actor2()
    {
        var result = TestPipeline.Extract("قتل 40 شخصا في غارات إسرائيلية على مدينة رفح.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal("Military Forces of Israel", e.Actor1?.Name.Split(" (")[0]);
        Assert.Equal(7, e.Actor2?.Inter);
    }

    [Fact]
    public void The_body_a_toll_is_attributed_to_is_its_source_not_its_target()
    {
        var result = TestPipeline.Extract("أوردت اللجنة الدولية للصليب الأحمر أن 51 شخصا قتلوا في غارة لطيران التحالف على سوق في مدينة صعدة.");

        var e = Assert.Single(result.Events);
        Assert.Equal(7, e.Actor2?.Inter);
        Assert.DoesNotContain("Red Cross", e.Actor2?.Name ?? string.Empty, StringComparison.Ordinal);
    }
}
