using System.Globalization;
using Rasid.Actors;

namespace Rasid.Tests.Actors;

/// <summary>The country-aware part of the dictionary: one wording, several countries' actors.</summary>
public sealed partial class ActorDictionaryTests
{
    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static ActorMention MentionOf(string sentence, string surface) =>
        Assert.Single(Find(sentence), m => MentionText(sentence, m) == Normalize(surface));

    private static string Normalize(string s) => Rasid.Text.AnalyzedText.Analyze(s).Normalized.Text;

    [Theory]
    // أنصار الله: the Houthis in Yemen, a Palestinian faction of Ain al-Hilweh in Lebanon.
    [InlineData("اشتبكت عناصر من أنصار الله مع مسلحين في مخيم عين الحلوة", "أنصار الله", "LB", "2019-05-01", "lb.ansar_allah")]
    [InlineData("قصفت جماعة أنصار الله مواقع في صعدة", "جماعة أنصار الله", "YE", "2019-05-01", "ye.houthis.2017")]
    // الجيش الوطني: the government army in Yemen, Tunisia and Algeria, the LNA in Libya, the SNA in Syria.
    [InlineData("تقدم الجيش الوطني في مأرب", "الجيش الوطني", "YE", "2019-05-01", "ye.army")]
    [InlineData("تقدم الجيش الوطني في بنغازي", "الجيش الوطني", "LY", "2019-05-01", "ly.lna")]
    [InlineData("هاجمت قوات الجيش الوطني مواقع قسد في منبج", "قوات الجيش الوطني", "SY", "2019-05-01", "sy.sna")]
    [InlineData("قتل جندي من الجيش الوطني في جبل الشعانبي بالقصرين", "الجيش الوطني", "TN", "2017-05-01", "tn.army")]
    [InlineData("قضى الجيش الوطني الشعبي على إرهابي في الجزائر", "الجيش الوطني الشعبي", "DZ", "2017-05-01", "dz.army")]
    // المجلس الانتقالي: the STC in Yemen, the military council in Sudan, the 2011 rebels in Libya.
    [InlineData("سيطر المجلس الانتقالي على معسكر في عدن", "المجلس الانتقالي", "YE", "2019-08-10", "ye.stc")]
    [InlineData("فرق المجلس الانتقالي الاعتصام في الخرطوم", "المجلس الانتقالي", "SD", "2019-06-03", "sd.army.2019")]
    [InlineData("تقدمت قوات المجلس الانتقالي نحو سرت في ليبيا", "قوات المجلس الانتقالي", "LY", "2011-09-20", "ly.ntc")]
    public void A_shared_wording_names_the_actor_of_the_documents_country(string sentence, string surface, string country, string date, string id)
    {
        var mention = MentionOf(sentence, surface);

        Assert.Equal(id, Shipped.Resolve(mention, country, Day(date)).Id);
    }

    [Fact]
    public void The_document_country_chooses_when_the_text_names_no_country()
    {
        // No country word: the Yemeni army is the only reading the text enables, the Libyan one waits for the country.
        var mention = MentionOf("تقدمت قوات الجيش الوطني نحو المدينة", "قوات الجيش الوطني");

        Assert.Equal("ye.army", Shipped.Resolve(mention, null, Day("2019-05-01")).Id);
        Assert.Equal("ye.army", Shipped.Resolve(mention, "YE", Day("2019-05-01")).Id);
        Assert.Equal("ly.lna", Shipped.Resolve(mention, "LY", Day("2019-05-01")).Id);
        Assert.Equal("sy.sna", Shipped.Resolve(mention, "SY", Day("2019-05-01")).Id);
    }

    [Fact]
    public void The_document_country_never_overrides_a_reading_the_text_chose()
    {
        // Syrian words enable the anti-IS coalition; a document geocoded to Saudi Arabia does not turn it into the Saudi-led one.
        var mention = MentionOf("قصف طيران التحالف مواقع في الرقة", "طيران التحالف");

        Assert.Equal("intl.global_coalition", Shipped.Resolve(mention, "SA", Day("2017-05-01")).Id);
    }

    [Fact]
    public void An_alias_bound_to_the_event_country_wins_over_the_generic_reading()
    {
        // In south Lebanon, unqualified artillery is Israel's: the generic army would become Lebanon's.
        var mention = MentionOf("قصفت المدفعية أطراف بلدة في جنوب لبنان", "المدفعية");

        Assert.Equal("il.army", Shipped.Resolve(mention, "LB", Day("2024-05-17")).Id);
        Assert.Equal("sy.army", Shipped.Resolve(MentionOf("قصفت المدفعية أطراف بلدة في ريف حماة", "المدفعية"), "SY", Day("2018-05-17")).Id);
    }

    [Fact]
    public void A_wording_of_two_countries_gives_no_country_hint()
    {
        var mentions = Find("تقدم الجيش الوطني في بنغازي بينما قاتل الجيش الوطني في مأرب");

        Assert.All(mentions, m => Assert.True(m.SharedAcrossCountries));
        Assert.Empty(Shipped.CountryHints(mentions));
    }

    [Theory]
    [InlineData("أعلنت القيادة العامة للقوات المسلحة العربية الليبية القبض على الإرهابي المصري في درنة")]
    [InlineData("قالت القوات المسلحة الليبية إن طيرانها قصف مواقع في الجفرة بعد زيارة وفد من مصر")]
    public void Haftars_forces_are_the_LNA_not_egypts_army(string sentence)
    {
        var mention = Find(sentence).First(m => m.Candidates.Any(c => c.Id == "ly.lna"));

        Assert.Equal("ly.lna", Shipped.Resolve(mention, "LY", Day("2018-10-08")).Id);
        Assert.DoesNotContain(Find(sentence), m => m.Actor.Id == "eg.army");
    }

    [Theory]
    // Libya.
    [InlineData("سيطر اللواء 444 قتال على الطريق جنوب طرابلس الليبية", "ly.444")]
    [InlineData("اشتبكت قوة الردع الخاصة مع مسلحين قرب معيتيقة", "ly.radaa")]
    [InlineData("هاجمت كتيبة النواصي مقرا في طرابلس الليبية", "ly.nawasi")]
    [InlineData("انتشرت كتيبة ثوار طرابلس في وسط العاصمة الليبية", "ly.trb")]
    [InlineData("اشتبك جهاز دعم الاستقرار مع مسلحين في أبو سليم", "ly.ssa")]
    [InlineData("تقدمت قوات مصراتة نحو سرت", "ly.misrata")]
    [InlineData("اندلعت اشتباكات بين مسلحي التبو وقبيلة في سبها", "ly.tebu")]
    [InlineData("هاجم مسلحون من الطوارق بوابة في أوباري بليبيا", "ly.tuareg")]
    [InlineData("قصفت قوات حكومة الوفاق مواقع في ترهونة", "ly.gna")]
    // Iraq and Syria.
    [InlineData("اتهم المحتجون عصائب أهل الحق بإطلاق النار في البصرة", "iq.asaib")]
    [InlineData("أعلنت كتائب حزب الله مسؤوليتها عن الهجوم", "iq.kataib_hezbollah")]
    [InlineData("هاجم لواء شهداء اليرموك مواقع الجيش الحر في درعا", "sy.yarmouk")]
    // Sahel.
    [InlineData("تبنت جماعة نصرة الإسلام والمسلمين الهجوم في بوركينا فاسو", "ml.jnim")]
    [InlineData("هاجم تنظيم الدولة الإسلامية في الصحراء الكبرى قرية في النيجر", "ml.is_sahel")]
    [InlineData("قتل مقاتلو بوكو حرام عشرة مزارعين في بورنو", "ng.boko_haram")]
    [InlineData("أعلن تنظيم الدولة الإسلامية في غرب أفريقيا مسؤوليته عن الهجوم", "ng.iswap")]
    [InlineData("قتل متطوعون للدفاع عن الوطن في هجوم شمال بوركينا فاسو", "bf.vdp")]
    [InlineData("هاجم صيادو الدوزو قرية في موبتي", "ml.dozo")]
    [InlineData("أعلن الإطار الاستراتيجي الدائم للدفاع عن شعب أزواد السيطرة على موقع في كيدال", "ml.csp")]
    [InlineData("قتل جنديا ماليا في كمين قرب غاو", "ml.army")]
    [InlineData("قصف الجيش البوركيني مواقع المسلحين", "bf.army")]
    [InlineData("قتل عشرون من القوات المسلحة النيجرية في تيلابيري", "ne.army")]
    // Somalia and Sudan.
    [InlineData("هاجمت حركة الشباب قاعدة لقوات أتميس في هيران", "so.shabaab")]
    [InlineData("اشتبكت ميليشيات عشيرة هبر غدير مع مسلحين في الصومال", "so.clan.habar_gidir")]
    [InlineData("قصف الجيش السوداني مواقع في الخرطوم", "sd.army.2019")]
    [InlineData("هاجمت قوات الدعم السريع مدينة الفاشر", "sd.rsf")]
    [InlineData("هاجمت الحركة الشعبية شمال مواقع في جنوب كردفان", "sd.splmn")]
    public void The_issue_named_groups_are_recognised(string sentence, string id)
    {
        var mentions = Find(sentence);

        Assert.Contains(mentions, m => Shipped.Resolve(m, null, Day("2024-03-01")).Id == id || m.Candidates.Any(c => c.Id == id));
    }

    [Theory]
    [InlineData("2022-06-01", "ml.wagner")]
    [InlineData("2024-06-01", "ml.africa_corps")]
    [InlineData("2019-06-01", "intl.russia")]
    public void Russians_fighting_in_mali_are_wagner_then_the_africa_corps(string date, string id)
    {
        var mention = MentionOf("قتلت القوات الروسية والجيش المالي مدنيين في موبتي", "القوات الروسية");

        Assert.Equal(id, Shipped.Resolve(mention, "ML", Day(date)).Id);
    }

    [Fact]
    public void The_african_union_mission_in_somalia_is_named_for_its_period()
    {
        var mention = MentionOf("هاجمت حركة الشباب قاعدة لقوات الاتحاد الأفريقي في الصومال", "قوات الاتحاد الأفريقي");

        Assert.Equal("so.amisom", Shipped.Resolve(mention, "SO", Day("2018-01-01")).Id);
        Assert.Equal("so.atmis", Shipped.Resolve(mention, "SO", Day("2023-01-01")).Id);
        Assert.Equal("so.aussom", Shipped.Resolve(mention, "SO", Day("2025-06-01")).Id);
    }
}
