using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

public partial class EventExtractorTests
{
    [Theory]
    // Negation "لم" before the verb.
    [InlineData("قصف الطيران مدينة صعدة أمس.", "لم يقصف الطيران مدينة صعدة أمس.")]
    // Negation of the occurrence: "لم تسجل أي اشتباكات".
    [InlineData("اندلعت اشتباكات في مدينة تعز أمس.", "لم تسجل أي اشتباكات في مدينة تعز أمس.")]
    // Denial "نفت ... قصف" scopes over the whole clause.
    [InlineData("قصفت القوات الروسية مدينة إدلب.", "نفت وزارة الدفاع الروسية قصف مدينة إدلب.")]
    // Denial "نفى ... الهجوم".
    [InlineData("شن مسلحو تنظيم القاعدة هجوما على مدينة تعز.", "نفى المتحدث باسم الجيش وقوع الهجوم على مدينة تعز.")]
    // Threat "هدد بقصف".
    [InlineData("قصف الحوثيون مدينة مأرب بالصواريخ.", "هدد الحوثيون بقصف مدينة مأرب بالصواريخ.")]
    // Threat with a condition attached.
    [InlineData("قصفت إسرائيل مدينة بيروت.", "هددت إسرائيل بقصف مدينة بيروت إذا استمر إطلاق الصواريخ.")]
    // Vow "توعد بشن هجوم".
    [InlineData("شن الجيش العراقي هجوما على مسلحي داعش في مدينة الموصل.", "توعد الجيش العراقي بشن هجوم على مسلحي داعش في مدينة الموصل.")]
    // Condition "في حال ... هجوم".
    [InlineData("شن الحوثيون هجوما على مدينة تعز.", "قال المتحدث إن الجيش سيرد بقوة في حال وقوع أي هجوم على مدينة تعز.")]
    // Condition "إذا هاجم".
    [InlineData("هاجم الحوثيون مدينة مأرب.", "إذا هاجم الحوثيون مدينة مأرب فإن الجيش سيرد بقوة.")]
    // An act recalled with "سبق وأن" (has before) is background, not this report's event.
    [InlineData("خطف مسلحون ثلاثة غربيين في منطقة موبتي أمس.", "وتقع منطقة موبتي في شمال مالي حيث سبق وأن خطف مسلحون الكثير من الغربيين.")]
    // A "possible" clash is none.
    [InlineData("اندلعت اشتباكات بين القوات التركية والمسلحين الأكراد في مدينة منبج.", "وتمثل مدينة منبج نقطة اشتباك محتملة بين القوات التركية والمسلحين الأكراد.")]
    // Hopes for a halt to the fighting ("وقف القتال") are no clash.
    [InlineData("اندلع القتال بين ميليشيات طرابلس وترهونة في مدينة ترهونة.", "وتواصلت المفاوضات في ظل آمال بموافقة ميليشيات طرابلس وترهونة على وقف القتال في مدينة ترهونة.")]
    // "قاب قوسين" (about to) is not yet done.
    [InlineData("طردت المقاومة الشعبية الحوثيين من مدينة صعدة.", "نحن قاب قوسين من طرد الحوثيين من مدينة صعدة.")]
    // An offensive waged "since 18 February" is the campaign, not an event of that day.
    [InlineData("شنت قوات النظام هجوما على مدينة دوما اليوم.", "وتشن قوات النظام منذ 18 شباط/فبراير هجوما على مدينة دوما.")]
    public void A_negated_denied_threatened_or_conditional_attack_is_no_event_though_the_plain_report_is_one(string report, string irrealis)
    {
        Assert.NotEmpty(TestPipeline.Extract(report).Events);

        var result = TestPipeline.Extract(irrealis);

        Assert.Empty(result.Events);
        Assert.False(result.Relevant);
    }

    [Theory]
    // Denial with a subordinate clause: "نفى التحالف أن تكون طائراته قد شنت الهجوم".
    [InlineData("نفى التحالف أن تكون طائراته قد شنت الهجوم على مدينة صعدة.")]
    // A call to stop shelling is not shelling.
    [InlineData("دعا الرئيس إلى وقف القصف على مدينة إدلب.")]
    // A war "since" a past year is background.
    [InlineData("ومنذ 2014، يشهد اليمن حربا بين المتمردين الحوثيين والقوات الحكومية في مدينة تعز.")]
    // "توشك ... على استعادة": about to happen, not happened.
    [InlineData("وتوشك قوات النظام على استعادة كامل محافظة القنيطرة.")]
    // Aircraft that back a force are its support, not a strike of their own.
    [InlineData("وقال المحلل إن قوات هادي تحظى بدعم طيران التحالف العربي في محافظة عدن.")]
    // A relative clause describing a place by what it has seen is background.
    [InlineData("وتعزز السيطرة على لحج السيطرة على مدينة عدن التي شهدت معارك عنيفة بين الحوثيين والمقاومة.")]
    // A place that "regularly sees attacks" reports no dated event.
    [InlineData("وتشهد بانتظام هجمات تبنى تنظيم داعش عددا منها في الشيشان.")]
    // Clashes of a stated past year are background history.
    [InlineData("شهدت مدينة تعز اشتباكات عنيفة عام 2015 بين الجيش والحوثيين.")]
    // Football report: "هجوم" on the goal, with several sport words.
    [InlineData("شن فريق الوحدة هجوما قويا على مرمى الأهلي في مباراة الدوري على ملعب صنعاء، وسجل اللاعب هدفين في الشوط الثاني.")]
    // Football report with fewer sport words.
    [InlineData("شن الهلال هجوما خطيرا على مرمى النصر في المباراة التي أقيمت في مدينة الرياض.")]
    // "حرب الأسعار" is a price war.
    [InlineData("اندلعت حرب الأسعار بين شركات الاتصالات في مدينة عدن.")]
    // "معركة انتخابية" is an election campaign.
    [InlineData("بدأت معركة انتخابية حامية في محافظة البصرة.")]
    // An election campaign stays figurative even when an armed group's party fights it.
    [InlineData("خاض حزب الله معركة انتخابية شرسة في مدينة بيروت.")]
    public void A_figurative_historical_or_hortative_use_of_a_war_word_is_no_event(string text)
    {
        var result = TestPipeline.Extract(text);

        Assert.Empty(result.Events);
        Assert.False(result.Relevant);
    }

    [Fact]
    public void A_condemned_attack_happened_so_it_is_an_event()
    {
        // Condemning presupposes the act (unlike a threat or a denial); the statement itself is no event.
        var result = TestPipeline.Extract("أدانت دول الخليج بشدة حادث التفجير الذي استهدف مسجدا في مدينة أبها، وأسفر عن مقتل 15 شخصا.");

        var e = Assert.Single(result.Events);
        Assert.Equal("Explosions/Remote violence", e.EventType);
        Assert.Equal("SA-14", e.Admin1Code);
    }

    [Fact]
    public void A_background_attack_with_its_stated_day_is_an_event_of_that_day()
    {
        // ANNOTATION.md: a background event is coded "as long as place and time are stated"; a bare year is not a time.
        var result = TestPipeline.Extract("وفي 15 كانون الثاني/يناير 2016، قتل 30 شخصا في هجوم شنه تنظيم القاعدة على فندق في مدينة واغادوغو.", new DateOnly(2018, 3, 3));

        var e = Assert.Single(result.Events);
        Assert.Equal("2016-01-15", e.Date);
        Assert.Equal(30, e.Fatalities);
    }

    [Theory]
    // Its calendar day makes a background toll an event of the article's place, even two sentences away from the place.
    [InlineData("وقتل 19 شخصا في مقهى في 13 آب/اغسطس 2017.", "2017-08-13")]
    // A weekday is no calendar day: the sentence repeats the main event and stays unplaced.
    [InlineData("وقتل 19 شخصا في مقهى يوم الجمعة.", null)]
    public void A_background_toll_with_its_calendar_day_takes_the_article_place(string third, string? expectedDate)
    {
        var result = TestPipeline.Extract(
            "اندلعت اشتباكات بين الجيش ومسلحين في مدينة واغادوغو اليوم السبت.\nوتبنت جماعة متشددة الهجوم في بيان.\nوشهدت البلاد هجمات عدة في السنوات الأخيرة.\n" + third,
            new DateOnly(2018, 3, 3));

        var dated = result.Events.Where(e => e.Date != "2018-03-03").ToList();
        if (expectedDate is null)
        {
            Assert.Empty(dated);
        }
        else
        {
            var e = Assert.Single(dated);
            Assert.Equal(expectedDate, e.Date);
            Assert.Equal("BF-03", e.Admin1Code);
            Assert.Equal(19, e.Fatalities);
        }
    }

    [Fact]
    public void A_place_inside_an_armed_group_name_is_not_the_event_place()
    {
        // "سيناء" in "ولاية سيناء" names the group; the event is at Arish, named in the sentence before.
        var result = TestPipeline.Extract("شهدت مدينة العريش هجوما مساء الجمعة.\nوقتل 5 جنود في الهجوم الذي تبناه تنظيم ولاية سيناء.");

        var e = Assert.Single(result.Events);
        Assert.Equal("العريش", e.LocationAr);
    }

    [Theory]
    // Economy news naming a city of a conflict country.
    [InlineData("ارتفعت أسعار الذهب في الأسواق المحلية بمدينة عدن اليوم، وقال تجار إن الطلب زاد مع اقتراب موسم الأعراس.\nوتوقع خبراء أن تستقر الأسعار خلال الأسبوع المقبل.")]
    // Culture news naming a capital.
    [InlineData("افتتح وزير الثقافة معرض الكتاب في مدينة بغداد بمشاركة مئات دور النشر العربية.\nويستمر المعرض عشرة أيام.")]
    public void A_document_without_conflict_content_is_not_relevant_and_has_no_events(string text)
    {
        var result = TestPipeline.Extract(text);

        Assert.False(result.Relevant);
        Assert.Empty(result.Events);
    }

    [Theory]
    // A television channel named after a drone reports; it does not strike.
    [InlineData("وقالت قناة المسيرة التابعة للحوثيين إن الجماعة قتلت عشرة جنود سعوديين في منطقة نجران أمس.")]
    // An aircraft that crashes is no air strike.
    [InlineData("قتل 17 جنديا أمس في تحطم مروحية عسكرية أفغانية في ولاية زابل بسبب عطل تقني.")]
    // "مسيرات العودة" are marches, not drones.
    [InlineData("قتل مواطن وأصيب العشرات بالرصاص الحي في الجمعة السابعة لمسيرات العودة شرق مدينة خان يونس.")]
    public void An_aircraft_that_crashes_or_names_a_channel_is_no_air_strike(string text)
    {
        Assert.DoesNotContain(TestPipeline.Extract(text).Events, e => e.SubEventType == "Air/drone strike");
    }
}
