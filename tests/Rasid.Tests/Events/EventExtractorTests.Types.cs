using Rasid.Events;
using Rasid.Records;

namespace Rasid.Tests.Events;

public partial class EventExtractorTests
{
    [Theory]
    // Airstrike: "غارات جوية" is a strong trigger; the city names the province (Sa'dah).
    [InlineData("شن طيران التحالف غارات جوية على مواقع للحوثيين في مدينة صعدة أمس.", EventTypes.RemoteViolence, "Air/drone strike", "YE-SD")]
    // Bare "قصف" with warplanes in the clause is an air strike, not shelling (Raqqa, Syria).
    [InlineData("قصفت طائرات حربية مواقع لتنظيم داعش في مدينة الرقة اليوم.", EventTypes.RemoteViolence, "Air/drone strike", "SY-RA")]
    // "قصف الطيران" with no actor named is still an air strike.
    [InlineData("قصف الطيران مدينة صعدة أمس.", EventTypes.RemoteViolence, "Air/drone strike", "YE-SD")]
    // Artillery without aircraft is shelling (Taizz).
    [InlineData("أصيب 22 شخصا في قصف مدفعي للحوثيين على مدينة تعز.", EventTypes.RemoteViolence, "Shelling/artillery/missile attack", "YE-TA")]
    // "عبوة ناسفة" is an IED (town → province: Fallujah in Anbar).
    [InlineData("انفجرت عبوة ناسفة بدورية للجيش العراقي في مدينة الفلوجة بمحافظة الأنبار.", EventTypes.RemoteViolence, "Remote explosive/landmine/IED", "IQ-AN")]
    // An IED with casualties stays an IED (Ataq in Shabwah).
    [InlineData("أصيب جنديان بانفجار عبوة ناسفة استهدفت دورية للجيش اليمني في مدينة عتق بمحافظة شبوة.", EventTypes.RemoteViolence, "Remote explosive/landmine/IED", "YE-SH")]
    // "انتحاري" in the clause upgrades the explosive device to a suicide bomb.
    [InlineData("فجر انتحاري عبوة ناسفة وسط تجمع للجنود في مدينة الرمادي بمحافظة الأنبار، ما أسفر عن مقتل 12 جنديا.", EventTypes.RemoteViolence, "Suicide bomb", "IQ-AN")]
    // An explosive belt is a suicide bomb on its own (Tikrit in Salah al-Din).
    [InlineData("هاجم انتحاري يرتدي حزاما ناسفا نقطة تفتيش للجيش العراقي في مدينة تكريت.", EventTypes.RemoteViolence, "Suicide bomb", "IQ-SD")]
    // Gunmen shooting a journalist: the armed noun is the perpetrator, the victim a civilian (Khost).
    [InlineData("قام مسلحون بإطلاق النار على الصحفي أحمد شاه وهو في طريق العودة لمنزله في ولاية خوست بأفغانستان.", EventTypes.ViolenceAgainstCivilians, "Attack", "AF-KHO")]
    // "مواجهات" of youths with the army are a riot, not a battle (Gaza governorate).
    [InlineData("واندلعت مواجهات عنيفة بين الشبان والجيش الإسرائيلي شرق مدينة غزة.", EventTypes.Riots, "Violent demonstration", "PS-GZA")]
    // Protesters killed by fire in demonstrations: excessive force against protesters.
    [InlineData("قتل الجيش الإسرائيلي 3 فلسطينيين بالرصاص في مظاهرات مدينة غزة اليوم.", EventTypes.Protests, "Excessive force against protesters", "PS-GZA")]
    // A ground attack "مدعومة من طيران التحالف" is a battle: the air support is part of it (Lahj).
    [InlineData("وسقطت قاعدة العند بعد هجوم شنته قوات هادي مدعومة من طيران التحالف العربي على مسلحي الحوثي في محافظة لحج.", EventTypes.Battles, "Armed clash", "YE-LA")]
    // "عملية تبادل إطلاق نار" is an exchange of fire (a clash), not a prisoner exchange.
    [InlineData("قتلت قوات الأمن الصومالية 5 من المهاجمين خلال عملية تبادل إطلاق نار مع مسلحي حركة الشباب في مدينة مقديشو.", EventTypes.Battles, "Armed clash", "SO-BN")]
    // Clashes between the army and AQAP are an armed clash.
    [InlineData("قتل 12 جنديا في اشتباكات مع مسلحي تنظيم القاعدة في مدينة عتق بمحافظة شبوة.", EventTypes.Battles, "Armed clash", "YE-SH")]
    // Police arresting militants ("إرهابيين") is a coded arrest (Mosul in Ninewa).
    [InlineData("اعتقلت الشرطة العراقية خمسة إرهابيين في مدينة الموصل.", EventTypes.StrategicDevelopments, "Arrests", "IQ-NI")]
    // Security forces seizing IS gunmen: "القبض على" is an arrest too.
    [InlineData("ألقت قوات الأمن القبض على ثلاثة مسلحين من تنظيم داعش في مدينة الموصل.", EventTypes.StrategicDevelopments, "Arrests", "IQ-NI")]
    // Gunmen kidnapping a citizen is violence against civilians (Aden).
    [InlineData("اختطف مسلحون مجهولون مواطنا في مدينة عدن.", EventTypes.ViolenceAgainstCivilians, "Abduction/forced disappearance", "YE-AD")]
    // A prisoner release is coded as an agreement (Sanaa city).
    [InlineData("أعلنت جماعة الحوثي الإفراج عن 31 أسيرا من القوات الحكومية في مدينة صنعاء.", EventTypes.StrategicDevelopments, "Agreement", "YE-SA")]
    // A targeted killing by a drone is coded by its weapon: an air strike, not an attack on a civilian (Marib).
    [InlineData("نجا محافظ مأرب من محاولة اغتيال بطائرة مسيرة استهدفت موكبه في مدينة مأرب أمس.", EventTypes.RemoteViolence, "Air/drone strike", "YE-MA")]
    // An assassination by a roadside bomb is an IED (Aden).
    [InlineData("اغتيل قائد عسكري بعبوة ناسفة زرعت في سيارته بمدينة عدن صباح اليوم.", EventTypes.RemoteViolence, "Remote explosive/landmine/IED", "YE-AD")]
    // A mayor shot dead by a gunman is a civilian victim (outside the gazetteer's 41 countries: a hand-written place).
    [InlineData("قتل مسلح رئيس بلدية فلبيني بالرصاص أمام مكتبه في مدينة دافاو.", EventTypes.ViolenceAgainstCivilians, "Attack", "PH-11")]
    // Clashes in the sentence of a protest the police attacked are the protest's repression, not a battle (Masaya).
    [InlineData("وهاجمت قوات الشرطة تظاهرة للمعارضة في مدينة مسايا، وأسفرت الاشتباكات عن مقتل شخصين.", EventTypes.Protests, "Excessive force against protesters", "NI-MS")]
    // Entering a town under a settlement deal, with no fighting named, is a non-violent transfer of territory (Daraa).
    [InlineData("ودخلت قوات النظام مدينة درعا إثر خروج مقاتلين معارضين رفضوا اتفاق التسوية.", EventTypes.StrategicDevelopments, "Non-violent transfer of territory", "SY-DR")]
    // Protesters setting a building on fire riot (Basra).
    [InlineData("اقتحم مئات المتظاهرين مبنى المحافظة في مدينة البصرة وأضرموا النار فيه.", EventTypes.Riots, "Violent demonstration", "IQ-BA")]
    // Shooting down an aircraft is a clash, not an air strike (Idlib).
    [InlineData("أعلنت فصائل المعارضة إسقاط طائرة حربية تابعة للنظام فوق مدينة إدلب.", EventTypes.Battles, "Armed clash", "SY-ID")]
    // A booby-trapped house blown up under a patrol is an IED, not property destruction (Jenin).
    [InlineData("قتل جنديان إسرائيليان في تفجير منزل مفخخ في مخيم جنين.", EventTypes.RemoteViolence, "Remote explosive/landmine/IED", "PS-JEN")]
    // Explosives found in a hideout are disrupted weapons use, not a bombing (Hawija, Kirkuk).
    [InlineData("دمرت القوات العراقية عشرات الأنفاق التابعة لداعش وعثرت على كميات من العبوات الناسفة في قضاء الحويجة.", EventTypes.StrategicDevelopments, "Disrupted weapons use", "IQ-KI")]
    // An activist "among the protesters" abducted by gunmen is an abduction, not a protest (Baghdad).
    [InlineData("اختطف مسلحون مجهولون ناشطا من المشاركين في الاحتجاجات وسط مدينة بغداد.", EventTypes.ViolenceAgainstCivilians, "Abduction/forced disappearance", "IQ-BG")]
    // A projectile (مقذوف) fired at a patrol is shelling (Jazan).
    [InlineData("تعرضت دورية سعودية في منطقة جازان لمقذوف عسكري أطلقه الحوثيون من داخل الأراضي اليمنية.", EventTypes.RemoteViolence, "Shelling/artillery/missile attack", "SA-09")]
    // An indefinite accusative ("انفجاراً") is a trigger like the bare noun (Ataq, Shabwah).
    [InlineData("وشهدت مدينة عتق بمحافظة شبوة انفجاراً عنيفاً أدى إلى مقتل جنديين.", EventTypes.RemoteViolence, "Remote explosive/landmine/IED", "YE-SH")]
    public void A_one_sentence_report_gives_one_event_of_its_type_in_its_province(string text, string eventType, string subEventType, string admin1Code)
    {
        var e = SingleEvent(text);

        Assert.Equal(eventType, e.EventType);
        Assert.Equal(subEventType, e.SubEventType);
        Assert.Equal(admin1Code, e.Admin1Code);
    }

    [Fact]
    public void A_suicide_cue_turns_the_same_explosion_into_a_suicide_bomb()
    {
        var plain = SingleEvent("انفجرت عبوة ناسفة وسط تجمع للجنود في مدينة الرمادي بمحافظة الأنبار.");
        var suicide = SingleEvent("فجر انتحاري عبوة ناسفة وسط تجمع للجنود في مدينة الرمادي بمحافظة الأنبار.");

        Assert.Equal("Remote explosive/landmine/IED", plain.SubEventType);
        Assert.Equal("Suicide bomb", suicide.SubEventType);
        Assert.Equal(plain.Admin1Code, suicide.Admin1Code);
    }

    [Fact]
    public void An_arrest_by_police_has_the_state_force_as_actor1()
    {
        var e = SingleEvent("اعتقلت الشرطة العراقية خمسة إرهابيين في مدينة الموصل.");

        Assert.Equal("Arrests", e.SubEventType);
        Assert.NotNull(e.Actor1);
        Assert.Equal(1, e.Actor1.Inter);
        Assert.Equal(5, e.Captured);
    }

    [Fact]
    public void An_abduction_by_unnamed_gunmen_is_by_an_unidentified_armed_group_and_targets_civilians()
    {
        var e = SingleEvent("اختطف مسلحون مجهولون مواطنا في مدينة عدن.");

        Assert.Equal("Abduction/forced disappearance", e.SubEventType);
        Assert.NotNull(e.Actor1);
        Assert.StartsWith("Unidentified Armed Group", e.Actor1.Name, StringComparison.Ordinal);
        Assert.True(e.CivilianTargeting);
    }

    [Fact]
    public void A_prisoner_release_is_an_agreement_tagged_prisoner_release_with_the_released_count()
    {
        var e = SingleEvent("أعلنت جماعة الحوثي الإفراج عن 31 أسيرا من القوات الحكومية في مدينة صنعاء.");

        Assert.Equal(EventTypes.StrategicDevelopments, e.EventType);
        Assert.Equal("Agreement", e.SubEventType);
        Assert.Contains("prisoner release", e.Tags);
        Assert.Equal(31, e.Released);
        Assert.Null(e.Fatalities);
    }
}
