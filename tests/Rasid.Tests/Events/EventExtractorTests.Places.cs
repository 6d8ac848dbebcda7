using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

/// <summary>Where events are placed: one event per place, and the place of the report that names the kind of event.</summary>
public partial class EventExtractorTests
{
    [Fact]
    public void An_act_at_two_coordinated_places_is_one_event_per_place_without_a_divided_toll()
    {
        var result = TestPipeline.Extract("قتل 10 مدنيين جراء انفجار عبوتين ناسفتين في مديرية لودر ومديرية مودية بمحافظة أبين.");

        Assert.Equal(["لودر", "مودية"], result.Events.Select(e => e.LocationAr!).Order(StringComparer.Ordinal));
        Assert.All(result.Events, e => Assert.Equal("YE-AB", e.Admin1Code));
        Assert.All(result.Events, e => Assert.Null(e.Fatalities)); // the 10 are not divided between the two
    }

    [Fact]
    public void An_article_about_a_country_outside_the_gazetteer_does_not_take_a_namesake_elsewhere()
    {
        // "صباح" alone is also a village of Al Bayda (Yemen); in a Malaysian article "ولاية صباح" is Malaysia's Sabah state.
        var result = TestPipeline.Extract("اعتقلت الشرطة الماليزية خمسة مسلحين في ولاية صباح شرقي ماليزيا.");

        var e = Assert.Single(result.Events);
        Assert.Equal("MY-12", e.Admin1Code);
        Assert.Equal("Malaysia", e.Country);
    }

    [Theory]
    // Every place of the article is in Rural Damascus: the unplaced killing three sentences on is there too.
    [InlineData("مدينة دوما", "YE-SA", false)]
    // With places in two provinces the killing stays unplaced (and is dropped).
    [InlineData("مدينة صنعاء", "YE-SA", true)]
    public void A_killing_with_no_place_in_a_one_province_article_is_in_that_province(string secondPlace, string otherProvince, bool dropped)
    {
        var result = TestPipeline.Extract(
            "سيطرت قوات النظام على نصف الغوطة الشرقية بعد معارك عنيفة.\n"
            + $"وتصاعد الدخان فوق {secondPlace} اليوم.\n"
            + "ودعت الأمم المتحدة إلى هدنة إنسانية.\n"
            + "وقال المرصد إن 62 شخصا لقوا مصرعهم في قصف يوم الأربعاء.");

        var shelling = result.Events.Where(e => e.SubEventType == "Shelling/artillery/missile attack").ToList();
        if (dropped)
        {
            Assert.Empty(shelling);
            Assert.DoesNotContain(result.Events, e => e.Admin1Code == otherProvince && e.Fatalities == 62);
        }
        else
        {
            var e = Assert.Single(shelling);
            Assert.Equal("SY-RD", e.Admin1Code);
            Assert.Equal(62, e.Fatalities);
        }
    }

    [Fact]
    public void A_dual_cue_with_two_towns_gives_two_territory_events()
    {
        var result = TestPipeline.Extract("تمكنت المقاومة الشعبية من السيطرة على مدينتي لودر ومودية في محافظة أبين بعد معارك مع الحوثيين.");

        Assert.Equal(["لودر", "مودية"], result.Events.Select(e => e.LocationAr!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_two_ends_of_a_road_are_one_event()
    {
        var result = TestPipeline.Extract("اندلعت اشتباكات عنيفة بين المقاومة الشعبية ومسلحي الحوثي على الطريق بين مدينة لودر ومدينة مودية.");

        Assert.Single(result.Events);
    }

    [Fact]
    public void A_place_given_as_near_a_city_is_not_a_second_place()
    {
        var result = TestPipeline.Extract("شن الطيران الحربي غارات جوية على مدينة دوما، قرب العاصمة دمشق، أمس.");

        var e = Assert.Single(result.Events);
        Assert.Equal("دوما", e.LocationAr);
    }

    [Fact]
    public void A_capital_named_again_after_a_comma_is_one_place_and_keeps_the_toll()
    {
        var result = TestPipeline.Extract("لقي ثمانية صحفيين حتفهم، الإثنين، إثر تفجير انتحاري مزدوج في العاصمة الأفغانية، كابل.");

        var e = Assert.Single(result.Events);
        Assert.Equal("AF-KAB", e.Admin1Code);
        Assert.Equal(8, e.Fatalities);
    }

    [Fact]
    public void Territory_taken_in_a_later_sentence_keeps_its_own_town_not_the_battle_front_of_the_same_district()
    {
        var result = TestPipeline.Extract(
            "تدور معارك عنيفة بين المقاومة الشعبية والحوثيين في قاعدة العند بمحافظة لحج. وتمكنت المقاومة الشعبية من تحرير مدينة الوهط بمحافظة لحج.");

        Assert.Contains(result.Events, e => e.SubEventType.Contains("territory", StringComparison.Ordinal) && e.LocationAr == "الوهط");
    }

    [Fact]
    public void A_place_in_the_motive_clause_belongs_to_the_act_it_answers_not_to_the_strike()
    {
        var result = TestPipeline.Extract(
            "مرت طائرات التحالف العربي فوق محافظة صعدة وشنت صباح اليوم الأحد سلسلة غارات جوية عنيفة على مواقع وتجمعات لميليشيات الحوثي ردا على إطلاق الميليشيات صاروخا باليستيا على مدينة جازان السعودية.");

        var strike = Assert.Single(result.Events, e => e.SubEventType == "Air/drone strike");
        Assert.Equal("YE-SD", strike.Admin1Code);
    }

    [Fact]
    public void A_front_named_by_a_regional_term_takes_the_districts_named_inside_it()
    {
        var result = TestPipeline.Extract(
            "اندلعت مواجهات عنيفة بين ألوية العمالقة والحوثيين على الساحل الغربي في مديريتي الجراحي والتحيتا جنوب محافظة الحديدة.");

        Assert.Equal(["الجراحي", "التحيتا"], result.Events.Select(e => e.LocationAr!));
        Assert.All(result.Events, e => Assert.Equal("YE-HU", e.Admin1Code));
    }

    [Fact]
    public void A_missile_is_placed_where_it_fell_not_where_it_was_launched()
    {
        var e = SingleEvent("أطلق الحوثيون صاروخا باليستيا من محافظة صعدة على مدينة جازان السعودية.");

        Assert.Equal("SA-09", e.Admin1Code);
    }

    [Fact]
    public void The_disengagement_line_is_not_a_clash()
    {
        var result = TestPipeline.Extract("جددت الأمم المتحدة مهمة قوة مراقبة فض الاشتباك في هضبة الجولان لستة أشهر.");

        Assert.Empty(result.Events);
    }

    [Fact]
    public void A_common_noun_that_is_also_a_town_name_in_construct_state_is_not_the_place()
    {
        // "باحة مطار البصرة" is the courtyard of Basra airport, not Al Bahah in Saudi Arabia.
        var e = SingleEvent("سقطت أربع قذائف أطلقها مسلحون مجهولون في باحة مطار البصرة الدولي جنوب العراق.");

        Assert.Equal("IQ-BA", e.Admin1Code);
    }

    [Fact]
    public void Beirut_southern_suburbs_are_in_mount_lebanon()
    {
        var e = SingleEvent("شن الطيران الإسرائيلي غارة جوية على الضاحية الجنوبية لبيروت.");

        Assert.Equal("LB-JL", e.Admin1Code);
    }
}
