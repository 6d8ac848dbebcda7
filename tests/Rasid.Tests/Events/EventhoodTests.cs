using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

/// <summary>Whether a mention is a specific, new, real event: truces, withdrawals (each positive row has a negative twin).</summary>
public class EventhoodTests
{
    [Theory]
    [InlineData("قال مسؤولون أمنيون ليبيون إن وقف إطلاق النار دخل حيز التنفيذ في العاصمة طرابلس بعد اشتباكات بين الميليشيات.", true)]
    [InlineData("اتخذ مجلس الأمن قرارا يطالب بهدنة مدتها 30 يوما في الغوطة الشرقية بريف دمشق.", false)]
    [InlineData("رفضت حركة طالبان دعوة الرئيس الأفغاني إلى تمديد وقف إطلاق النار مع القوات الأفغانية في كابول.", false)]
    public void A_truce_is_an_agreement_only_when_a_new_one_starts(string text, bool isAgreement)
    {
        var result = TestPipeline.Extract(text);

        Assert.Equal(isAgreement, result.Events.Any(e => e.SubEventType == "Agreement"));
    }

    [Theory]
    [InlineData("تسلمت السلطة المحلية في مديرية عتمة المباني الحكومية بعد أن انسحب مسلحو ميليشيا الحوثي من مركز المديرية.", true)]
    [InlineData("تلاحق القوات الحكومية مسلحي ميليشيا الحوثي الذين انسحبوا من مدينة الحوطة في محافظة لحج.", false)]
    public void A_withdrawal_is_a_transfer_of_territory_only_when_someone_takes_the_place_over(string text, bool isTransfer)
    {
        var result = TestPipeline.Extract(text);

        Assert.Equal(isTransfer, result.Events.Any(e => e.SubEventType == "Non-violent transfer of territory"));
    }

    [Fact]
    public void A_killing_without_a_named_perpetrator_counts_in_an_article_about_armed_violence_only()
    {
        const string Killing = "وقتل 19 شخصا في مقهى بمدينة بيدوا في 13 أغسطس 2017.";
        var alone = TestPipeline.Extract(Killing);
        var inConflictArticle = TestPipeline.Extract("انفجرت عبوة ناسفة في سوق بمدينة مقديشو. " + Killing);

        Assert.DoesNotContain(alone.Events, e => e.Fatalities == 19);
        Assert.Contains(inConflictArticle.Events, e => e.Fatalities == 19);
    }

    [Fact]
    public void Sport_words_make_war_words_figurative_per_sentence_not_for_the_whole_article()
    {
        const string Match = "فاز الفريق في المباراة على ملعب الشهداء وسجل اللاعب هدفين في البطولة. وقاد المدرب هجوم الفريق في الشوط الثاني.";
        const string Bomb = " وانفجرت سيارة مفخخة قرب الملعب في مدينة مقديشو مما أسفر عن مقتل 20 شخصا.";

        Assert.Empty(TestPipeline.Extract(Match).Events);
        Assert.Contains(TestPipeline.Extract(Match + Bomb).Events, e => e.Fatalities == 20);
    }

    [Theory]
    // ل + verbal noun after a verb that governs ل ("تعرضت ... لإطلاق نار", "أدى لمقتل") is the act itself.
    [InlineData("تعرضت دورية للجيش لإطلاق نار في مدينة عتق بمحافظة شبوة، ما أدى لمقتل جندي.", 1)]
    // ل + verbal noun on its own states a purpose: no event.
    [InlineData("وصلت تعزيزات عسكرية إلى مدينة عتق بمحافظة شبوة للقتال ضد مسلحي تنظيم القاعدة.", 0)]
    public void The_lam_of_a_verbal_noun_is_a_purpose_unless_a_verb_governs_it(string text, int events)
    {
        Assert.Equal(events, TestPipeline.Extract(text).Events.Count);
    }
}
