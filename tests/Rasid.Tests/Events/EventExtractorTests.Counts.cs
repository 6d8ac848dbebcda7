using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

public partial class EventExtractorTests
{
    private const string ClashInAtaq = "اشتباكات بين الجيش اليمني ومسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة";

    [Theory]
    // Digits after the cue: "مقتل 12".
    [InlineData("أسفرت " + ClashInAtaq + " عن مقتل 12 مسلحا.", 12)]
    // Digits before the plural noun: "قتل 12 جنديا".
    [InlineData("قتل 12 جنديا في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 12)]
    // A number word: "ثمانية قتلى" = 8.
    [InlineData("اندلعت " + ClashInAtaq + " خلفت ثمانية قتلى.", 8)]
    // Coordinated singular person nouns without a number: "قتل مسلح وجندي" = 2.
    [InlineData("قتل مسلح وجندي في اشتباك بين الجيش اليمني ومسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 2)]
    // A dual noun states its number: "قتيلان" = 2.
    [InlineData("قتيلان في " + ClashInAtaq + ".", 2)]
    // The dual in the accusative/genitive: "قتيلين" = 2.
    [InlineData("اندلعت " + ClashInAtaq + " خلفت قتيلين.", 2)]
    // Vague "عشرات" counts conservatively as 10.
    [InlineData("اندلعت " + ClashInAtaq + " خلفت عشرات القتلى.", 10)]
    // Vague "عدة" (several) counts as 3.
    [InlineData("قتل عدة جنود في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 3)]
    // "قتلى" with no number is no count (null), not 0.
    [InlineData("اندلعت " + ClashInAtaq + " خلفت قتلى.", null)]
    // A subset ("بينهم 3 أطفال") never adds to the total.
    [InlineData("قتل 12 شخصا بينهم 3 أطفال في قصف للحوثيين على مدينة تعز.", 12)]
    // Both sides' figures joined by و add up: "39 متمردا و17 مقاتلا" = 56.
    [InlineData("قتل 39 مسلحا على الأقل و17 جنديا في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 56)]
    // A person noun before a joined number adds to it: "ضابطين وثلاثة جنود" = 5.
    [InlineData("قتل ضابطين وثلاثة جنود في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 5)]
    // The number before the verb: "سبعة من ... قتلوا" (a cue read in both positions).
    [InlineData("قال مصدر إن سبعة من عناصر الجيش قتلوا في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 7)]
    // "لقي ثمانية ... حتفهم".
    [InlineData("لقي ثمانية جنود حتفهم في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 8)]
    // "إضافة إلى" joins across a partitive "من": 10 + 3.
    [InlineData("قتل عشرة من منسوبي القوات إضافة إلى ثلاثة في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 13)]
    // A range counts its lowest figure: "ما بين 20 و30" = 20.
    [InlineData("قال مصدر إن ما بين 20 و30 جنديا قتلوا في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 20)]
    // "ما يصل إلى 30" (up to) is an upper bound: another report's exact figure wins (the range's lowest, 20).
    [InlineData("قتل مسلحون ما يصل إلى 30 جنديا في هجوم على معسكر للجيش في مدينة عتق بمحافظة شبوة. وقال مصدر عسكري إن ما بين 20 و30 جنديا قتلوا في الهجوم على المعسكر.", 20)]
    // Alone, the upper bound is the only figure stated and counts.
    [InlineData("قال مصدر إن مسلحين قتلوا ما يصل إلى 30 جنديا في هجوم على معسكر للجيش في مدينة عتق بمحافظة شبوة.", 30)]
    // "دون وقوع إصابات" states 0.
    [InlineData("سقطت قذائف أطلقها الحوثيون على مدينة تعز دون وقوع إصابات.", 0)]
    // "دون وقوع ضحايا" (no victims) states 0 dead.
    [InlineData("قصفت مدفعية الحوثيين حي الروضة في مدينة تعز دون وقوع ضحايا.", 0)]
    // A later sentence giving part of the toll does not add to it: the largest sentence total counts.
    [InlineData("قتل 32 شخصا في قصف للحوثيين على مدينة تعز. وقتل 12 منهم في حي الجحملية بمدينة تعز.", 32)]
    // People killed with the victim add to it: "مع أحد مرافقيه" = 1 + 1, "مع عدد من مرافقيه" = 1 + 3, "مع حارسيه" = 1 + 2.
    [InlineData("قتل قائد ميداني مع أحد مرافقيه في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 2)]
    [InlineData("قتل قائد ميداني مع عدد من مرافقيه في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 4)]
    [InlineData("قتل قائد ميداني مع حارسيه في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 3)]
    // A list of ranks with names, joined by "، و", counts each person: 3.
    [InlineData("قتل العريف أحمد سالم الحربي، والجندي أول محمد صالح، والجندي حسن ناصر في قصف للحوثيين على مدينة تعز.", 3)]
    // A kin noun with a possessive joined to a person noun is one more person: "امرأة وطفلها" = 2.
    [InlineData("قتلت امرأة وطفلها في قصف للحوثيين على حي الروضة في مدينة تعز.", 2)]
    // A quoted cue word still counts the people after it: "«استشهاد» أحد أفرادها" = 1.
    [InlineData("تعرضت دورية لقذيفة أطلقها الحوثيون على مدينة تعز ما نتج عنه «استشهاد» أحد أفرادها.", 1)]
    // A singular pronoun on the phrase of dying states one victim: "لقي مصرعه" = 1 (+ "مع أحد مرافقيه" = 2), "ما أدى إلى وفاته" = 1.
    [InlineData("قالت مصادر محلية إن حسين العلي لقي مصرعه مع أحد مرافقيه في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 2)]
    [InlineData("تعرض حسين العلي لإطلاق نار في كمين نصبه مسلحو تنظيم القاعدة في مدينة عتق بمحافظة شبوة، ما أدى إلى وفاته.", 1)]
    // A dual pronoun states two: "لقيا حتفهما" = 2.
    [InlineData("قالت مصادر محلية إن حسين العلي وسالم الأحمد لقيا حتفهما في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 2)]
    // "بعد يومين من مقتل 5" dates the event from an earlier act: its toll is not the event's.
    [InlineData("قتل جندي في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة، وذلك بعد يومين من مقتل 5 جنود في هجوم مماثل.", 1)]
    [InlineData("قتل مسلحون 16 شخصا في هجمات على قرى في مدينة عتق بمحافظة شبوة بعد أيام من مقتل 40 شخصا في هجمات مماثلة.", 16)]
    // "مع" before an actor is no companion: "اشتباكات مع مسلحي" adds nothing.
    [InlineData("قتل جندي في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 1)]
    // A total and its breakdown in one sentence count the total: 13 = 2 + 11.
    [InlineData("قتل 13 جنديا في هجمات لمسلحي تنظيم القاعدة في محافظة شبوة: اثنان قتلا في كمين قرب مدينة عتق، و11 قتلوا في هجوم على معسكر.", 13)]
    // The subject before a verb of dying counts: "جنديين ... قتلا" = 2, "طفلا ... استشهد" = 1.
    [InlineData("قالت المصادر إن جنديين عراقيين قتلا في تفجير عبوة ناسفة استهدفت عربتهم في منطقة البوسودة شمال شرق الفلوجة.", 2)]
    [InlineData("قالت مصادر محلية إن طفلا في الخامسة عشر من العمر استشهد أمس إثر انفجار لغم في مديرية الحوك بمحافظة الحديدة.", 1)]
    // "تصفية" and "القضاء على" (liquidating, eliminating) count the people after them.
    [InlineData("تمكنت قوات الأمن أمس من تصفية 8 مسلحين من تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 8)]
    [InlineData("أعلن الجيش القضاء على 16 مسلحا من تنظيم القاعدة في اشتباكات بمدينة عتق بمحافظة شبوة.", 16)]
    public void Fatalities_follow_the_counting_rules(string text, int? fatalities)
    {
        var e = SingleEvent(text);

        Assert.Equal(fatalities, e.Fatalities);
    }

    [Fact]
    public void Injured_are_counted_from_asiba_with_a_number()
    {
        var e = SingleEvent("أصيب 22 شخصا في قصف مدفعي للحوثيين على مدينة تعز.");

        Assert.Equal(22, e.Injured);
        Assert.Null(e.Fatalities);
    }

    [Fact]
    public void A_total_split_between_places_counts_each_place_its_part()
    {
        var result = TestPipeline.Extract("قتل 13 جنديا في هجومين للقاعدة: اثنان قتلا في كمين قرب مدينة عتق بمحافظة شبوة، و11 قتلوا في هجوم على معسكر في مدينة مأرب.");

        Assert.Equal(2, Assert.Single(result.Events, e => e.Admin1Code == "YE-SH").Fatalities);
        Assert.Equal(11, Assert.Single(result.Events, e => e.Admin1Code == "YE-MA").Fatalities);
    }

    [Fact]
    public void A_negated_report_of_injuries_states_zero_injured()
    {
        var e = SingleEvent("سقطت قذيفة أطلقها الحوثيون على حي الروضة في مدينة تعز ولم تسفر عن وقوع أي إصابات.");

        Assert.Equal(0, e.Injured);
        Assert.Equal(0, e.Fatalities);
    }

    [Fact]
    public void Prisoners_taken_are_counted_as_captured()
    {
        var e = SingleEvent("أسر الجيش اليمني 12 مسلحا حوثيا خلال اشتباكات في مديرية صرواح بمحافظة مأرب.");

        Assert.Equal(12, e.Captured);
        Assert.Equal("YE-MA", e.Admin1Code);
    }

    [Fact]
    public void A_release_is_counted_as_released_not_captured()
    {
        var e = SingleEvent("أعلنت جماعة الحوثي الإفراج عن 31 أسيرا من القوات الحكومية في مدينة صنعاء.");

        Assert.Equal(31, e.Released);
        Assert.Null(e.Captured);
    }

    [Theory]
    // "25 قتيلا و30 جريحا": a casualty word between two figures gives each its own role.
    [InlineData("خلف التفجير الانتحاري في مدينة طنطا 25 قتيلا و30 جريحا.", 25, 30)]
    // "وعشرات الجرحى" is 10 injured, not 10 more dead.
    [InlineData("خلف التفجير الانتحاري في مدينة طنطا 25 قتيلا وعشرات الجرحى.", 25, 10)]
    // "سقوط عدد من الجرحى": the noun after the figure names what it counts.
    [InlineData("نفذ مسلحون مجهولون هجوما على نقطة لميليشيات الحوثي بمديرية الخبت في محافظة المحويت أسفر عن سقوط عدد من الجرحى.", null, 3)]
    // A vague figure of another group in the same sentence adds: "7 ... وعشرات" = 17 (ANNOTATION.md: all dead, عشرات = 10).
    [InlineData("قتل 7 جنود وعشرات المسلحين الحوثيين في اشتباكات في مدينة عتق بمحافظة شبوة.", 17, null)]
    // A toll that sums up a period ("منذ أن بدأت الحكومة غاراتها") does not replace the day's figure of the same event.
    [InlineData("ويوم الاثنين، قتل 94 مدنيا في الغارات الجوية الحكومية على مدينة دوما.\nوقتل 700 شخص في أعمال العنف في مدينة دوما منذ أن بدأت الحكومة غاراتها الجوية.", 94, null)]
    // So does a toll since a month ("منذ أبريل الماضي").
    [InlineData("قتل شخصان برصاص الشرطة في تظاهرة للمعارضة في مدينة ماناغوا.\nوقتل أكثر من 300 شخص خلال التظاهرات في مدينة ماناغوا منذ أبريل/نيسان الماضي.", 2, null)]
    // A figure of the dead and injured together is neither's figure.
    [InlineData("ارتفعت حصيلة الغارات الإسرائيلية على مدينة رفح إلى 141 شهيدا وجريحا.", null, null)]
    [InlineData("أدت الغارات الإسرائيلية على مدينة رفح إلى استشهاد وإصابة 141 فلسطينيا.", null, null)]
    [InlineData("أدت الغارات الإسرائيلية على مدينة رفح إلى استشهاد 47 وإصابة 94 فلسطينيا.", 47, 94)]
    // Two clauses, not one combined figure.
    [InlineData("قال مصدر إن سبعة من عناصر الجيش قتلوا وأصيب اثنان في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", 7, 2)]
    public void Each_figure_takes_the_role_of_the_casualty_noun_that_follows_it(string text, int? killed, int? injured)
    {
        var e = SingleEvent(text);

        Assert.Equal(killed, e.Fatalities);
        Assert.Equal(injured, e.Injured);
    }
}
