using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

/// <summary>Perpetrators the event's clause does not name: a claim of responsibility, else an unidentified armed group; unnamed targets of violence against civilians are civilians.</summary>
public class PerpetratorInferenceTests
{
    [Fact]
    public void Soldiers_killed_by_a_roadside_bomb_are_its_target_and_the_bomber_is_unidentified()
    {
        var e = Assert.Single(TestPipeline.Extract("قتل جنديان عراقيان في انفجار عبوة ناسفة استهدفت دوريتهم في مدينة بعقوبة.").Events);

        Assert.Equal("Unidentified Armed Group (Iraq)", e.Actor1?.Name);
        Assert.Equal("Military Forces of Iraq", e.Actor2?.Name);
    }

    [Fact]
    public void A_group_that_claimed_the_attack_is_its_perpetrator()
    {
        var result = TestPipeline.Extract(
            "قتل 14 شخصا في تفجير سيارة مفخخة أمام فندق في العاصمة الصومالية مقديشو. وأعلنت حركة الشباب مسؤوليتها عن الهجوم.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Al Shabaab", e.Actor1?.Name);
    }

    [Fact]
    public void The_unnamed_target_of_an_abduction_is_civilians()
    {
        var e = Assert.Single(TestPipeline.Extract("اختطف مسلحون مجهولون الإعلامي محمد علي في مدينة عتق بمحافظة شبوة أمس.").Events);

        Assert.Equal("Violence against civilians", e.EventType);
        Assert.Equal("Civilians (Yemen)", e.Actor2?.Name);
        Assert.True(e.Actor2?.Inferred);
    }

    [Theory]
    [InlineData("قصف الحوثيون الأحياء السكنية في مدينة تعز بقذائف الهاون أمس.", "Civilians (Yemen)")]
    [InlineData("شن الطيران الحربي غارة استهدفت منزلا في مدينة إدلب أمس.", "Civilians (Syria)")]
    // A booby-trapped house is no civilian target.
    [InlineData("فجرت قوة إسرائيلية منزلا مفخخا في مخيم جنين أمس.", null)]
    // A place of worship or a wedding; but a mosque of a force is the force's.
    [InlineData("قتل عشرة أشخاص في تفجير انتحاري استهدف مسجدا في مدينة هرات أمس.", "Civilians (Afghanistan)")]
    [InlineData("قتل 23 شخصا في غارات جوية على حفل زفاف في مديرية المخا بمحافظة تعز أمس.", "Civilians (Yemen)")]
    [InlineData("استنكر السفير التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ الخاصة بمنطقة عسير أمس.", "Police Forces of Saudi Arabia (2015-)")]
    // Security forces named as the only side of a bombing are its target, whatever building it hit.
    [InlineData("خلف انفجار بمحيط مسجد السلام بشارع الهرم في الجيزة مصرع 6 من قوات الأمن المصرية أمس.", "Police Forces of Egypt (2014-)")]
    public void Shelling_or_bombing_of_homes_markets_or_residential_areas_targets_civilians(string text, string? actor2)
    {
        var e = Assert.Single(TestPipeline.Extract(text).Events);

        Assert.Equal("Explosions/Remote violence", e.EventType);
        Assert.Equal(actor2, e.Actor2?.Name);
    }

    [Theory]
    // The group named after the trigger is the target; the air force named as actor2 is the perpetrator.
    [InlineData("شنت طائرات التحالف العربي غارات على مواقع لميليشيات الحوثي في مديرية الدريهمي بمحافظة الحديدة أمس.", "Saudi-led Coalition (Operation Restoring Hope)", "Military Forces of Yemen (2017-) Houthi")]
    [InlineData("قالت مصادر إن غارات جوية استهدفت مواقع للحوثيين في مديرية صرواح بمحافظة مأرب أمس.", null, "Military Forces of Yemen (2017-) Houthi")]
    // Victims named before the trigger, the air force after it: the sides swap too.
    [InlineData("لقي عشرات الحوثيين مصرعهم في غارة جوية شنتها طائرات التحالف العربي على مديرية الدريهمي بمحافظة الحديدة أمس.", "Saudi-led Coalition (Operation Restoring Hope)", "Military Forces of Yemen (2017-) Houthi")]
    // A drone can be flown by an armed group: the sides stay.
    [InlineData("قالت مصادر إن طائرة مسيرة تابعة للحوثيين قصفت مواقع في مديرية صرواح بمحافظة مأرب أمس.", "Military Forces of Yemen (2017-) Houthi", null)]
    public void Armed_groups_named_after_an_air_strike_are_its_target(string text, string? actor1, string? actor2)
    {
        var e = Assert.Single(TestPipeline.Extract(text).Events);

        Assert.Equal("Air/drone strike", e.SubEventType);
        Assert.Equal(actor1, e.Actor1?.Name);
        Assert.Equal(actor2, e.Actor2?.Name);
    }

    [Fact]
    public void An_air_strike_with_no_air_force_named_takes_the_one_of_the_articles_other_strikes()
    {
        var result = TestPipeline.Extract(
            "شنت طائرات التحالف العربي غارات على مواقع لميليشيات الحوثي في مديرية الدريهمي بمحافظة الحديدة أمس. "
            + "وفي محافظة صعدة قتل خمسة أشخاص في غارة جوية استهدفت سيارة في مديرية باقم أمس.");

        Assert.Equal(2, result.Events.Count);
        Assert.All(result.Events, e => Assert.Equal("Saudi-led Coalition (Operation Restoring Hope)", e.Actor1?.Name));
        Assert.Contains(result.Events, e => e.Actor1 is { Inferred: true });
    }

    [Fact]
    public void An_air_force_named_only_in_a_report_with_no_place_of_its_own_still_fills_the_article_s_air_strike()
    {
        var result = TestPipeline.Extract(
            "قتل 23 شخصا على الأقل في غارات جوية على حفل زفاف ببلدة بني قيس في محافظة حجة مساء الأحد.\n"
            + "وقال مسعفون إن بين القتلى نساء وأطفالا.\n"
            + "وأفادت منظمة أطباء بلا حدود أنها استقبلت عشرات الجرحى في مستشفى المدينة.\n"
            + "وقال المتحدث باسم الحوثيين إن طائرات التحالف العربي شنت الغارة.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Saudi-led Coalition (Operation Restoring Hope)", e.Actor1?.Name);
        Assert.True(e.Actor1?.Inferred);
    }

    [Fact]
    public void A_killing_at_a_march_told_as_an_attack_in_the_headline_stays_force_used_on_protesters()
    {
        var result = TestPipeline.Extract(
            "وذكرت وكالة الأنباء أن مواطنا لقي حتفه برصاص جيش الاحتلال وأصيب العشرات في الجمعة السابعة لمسيرات العودة شرق خان يونس اليوم.",
            title: "مقتل فلسطيني برصاص قوات الاحتلال شرق خان يونس");

        var e = Assert.Single(result.Events);
        Assert.Equal("Excessive force against protesters", e.SubEventType);
        Assert.Equal("Protesters (Palestine)", e.Actor1?.Name);
        Assert.Equal("Military Forces of Israel", e.Actor2?.Name);
    }

    [Theory]
    // The force that meets a protest is actor2; the crowd is actor1.
    [InlineData("فرقت قوات الشرطة تظاهرة في مدينة البصرة أمس بالغاز المسيل للدموع.", "Protesters (Iraq)", "Police Forces of Iraq")]
    // A protest with no side named is coded with the protesters of its country.
    [InlineData("تظاهر مئات الأشخاص في مدينة البصرة أمس للمطالبة بتحسين الخدمات.", "Protesters (Iraq)", null)]
    public void Protests_are_coded_with_the_crowd_as_actor1_and_the_force_as_actor2(string text, string actor1, string? actor2)
    {
        var e = Assert.Single(TestPipeline.Extract(text).Events);

        Assert.Equal("Protests", e.EventType);
        Assert.Equal(actor1, e.Actor1?.Name);
        Assert.Equal(actor2, e.Actor2?.Name);
    }

    [Fact]
    public void Eyewitnesses_tell_the_event_and_are_no_side_of_it()
    {
        var e = Assert.Single(TestPipeline.Extract(
            "وذكر شهود عيان فلسطينيون أن الغارات الإسرائيلية استهدفت موقعا لكتائب القسام شرق مخيم البريج في قطاع غزة أمس.").Events);

        Assert.Equal("Military Forces of Israel", e.Actor1?.Name);
        Assert.NotEqual("Civilians (Palestine)", e.Actor2?.Name);
    }

    [Fact]
    public void A_generic_army_read_in_Gaza_is_the_Israeli_army_which_stands_in_for_it_there()
    {
        var e = Assert.Single(TestPipeline.Extract("قصفت المدفعية مواقع شرق مدينة رفح جنوبي قطاع غزة أمس.").Events);

        Assert.Equal("Military Forces of Israel", e.Actor1?.Name);
    }
}
