using Rasid.Actors;

namespace Rasid.Tests.Actors;

public sealed partial class ActorDictionaryTests
{
    [Theory]
    // Partisan words of pro-government Yemeni media, with a Yemeni place giving the context.
    [InlineData("تصدت المقاومة الشعبية في تعز لهجوم شنه الانقلابيين فجر اليوم", "الانقلابيين")]
    [InlineData("قصف المتمردون أحياء سكنية في مدينة تعز", "المتمردون")]
    [InlineData("شنت الميليشيات الانقلابية هجوما على مواقع في مأرب", "الميليشيات الانقلابية")]
    // Nisba inflections generated from الحوثي by variants.tsv.
    [InlineData("قتل خمسة من الحوثيين في اشتباكات بصعدة", "الحوثيين")]
    [InlineData("أعلن الحوثيون السيطرة على الموقع", "الحوثيون")]
    [InlineData("قصفت الميليشيات الحوثية منازل المواطنين", "الميليشيات الحوثية")]
    // Three spellings of 'militia' from one written alias.
    [InlineData("هاجمت مليشيات الحوثي قرية في إب", "مليشيات الحوثي")]
    [InlineData("هاجمت ميلشيا الحوثي قرية في إب", "ميلشيا الحوثي")]
    // Proclitics on the first word: و، ل، ب.
    [InlineData("اندلعت مواجهات بين الجيش والحوثيين شرق صنعاء", "الحوثيين")]
    // لل = ل + ال: the span starts after both letters, so the article is not in the mention.
    [InlineData("تعرضت تعز لقصف عنيف للحوثيين", "حوثيين")]
    [InlineData("اليمن: اندلعت اشتباكات عنيفة بالميليشيات في الضالع", "الميليشيات")]
    [InlineData("تقدم الجيش الوطني وأنصار الله يتراجعون في الجوف", "انصار الله")]
    public void Houthi_aliases_are_recognised_in_yemeni_context(string sentence, string surface)
    {
        var mention = Assert.Single(Find(sentence), m => MentionText(sentence, m) == surface.Replace("أ", "ا", StringComparison.Ordinal).Replace("ة", "ه", StringComparison.Ordinal));

        Assert.StartsWith("ye.houthis", mention.Actor.Id, StringComparison.Ordinal);
    }

    [Theory]
    // A failed coup in Turkey: الانقلابيين are not the Houthis.
    [InlineData("اعتقلت السلطات التركية عشرات الانقلابيين في أنقرة")]
    // Rebels in a Sahel story.
    [InlineData("هاجم المتمردون الطوارق مواقع في كيدال")]
    public void Partisan_yemeni_words_do_not_name_houthis_elsewhere(string sentence)
    {
        Assert.DoesNotContain(Find(sentence), m => m.Candidates.Any(c => c.Id.StartsWith("ye.houthis", StringComparison.Ordinal)));
    }

    [Fact]
    public void Caller_context_enables_context_bound_aliases()
    {
        const string Sentence = "قصف الانقلابيين المدينة";

        Assert.DoesNotContain(Find(Sentence), m => m.Actor.Id.StartsWith("ye.", StringComparison.Ordinal));
        Assert.Contains(Find(Sentence, "YE"), m => m.Actor.Id.StartsWith("ye.houthis", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("أصدر مجلس الأمن بيانا حول الوضع")]
    [InlineData("ناقش المؤتمر الأمن الغذائي في المنطقة")]
    [InlineData("قال مستشار الأمن القومي إن الوضع خطير")]
    [InlineData("وقع هجوم مسلح على البنك")]
    [InlineData("ساد الحماس بين الجمهور")]
    [InlineData("هبطت الطائرة في قاعدة العند الجوية")]
    [InlineData("وصلت عربة مسلحة إلى الميناء")]
    // Adjectives and nouns that look like actor words: a press conference, 'this base' in a Turkish story.
    [InlineData("قال المتحدث في مؤتمر صحفي")]
    [InlineData("قال الرئيس التركي إن هذه القاعدة ستستخدم للتدريب")]
    public void Phrases_that_only_contain_an_alias_name_no_actor(string sentence)
    {
        Assert.Empty(Find(sentence));
    }

    [Theory]
    // Police: the alias with 'قوات' and the article-bearing bare form.
    [InlineData("فرقت قوات الأمن المتظاهرين", "gen.police")]
    [InlineData("اشتبك الأمن مع مسلحين", "gen.police")]
    [InlineData("قتل ثلاثة مدنيين في القصف", "gen.civilians")]
    [InlineData("أطلق مسلحون مجهولون النار على السيارة", "gen.uag")]
    [InlineData("خرج المتظاهرون إلى الشوارع", "gen.protesters")]
    [InlineData("أحرق مثيرو الشغب إطارات السيارات", "gen.rioters")]
    [InlineData("هاجم مسلحون قبليون نقطة تفتيش", "gen.tribal")]
    [InlineData("أغارت طائرات مجهولة الهوية على المدينة", "gen.unidentified_military")]
    public void Generic_actors_are_recognised_without_a_country(string sentence, string id)
    {
        Assert.Equal(id, Find(sentence)[0].Actor.Id);
    }

    [Fact]
    public void Al_shabaab_needs_the_movement_word_or_somali_context()
    {
        Assert.Contains(Find("هاجمت حركة الشباب قاعدة للجيش"), m => m.Actor.Id == "so.shabaab");
        Assert.Contains(Find("هاجم الشباب قاعدة للجيش قرب مقديشو"), m => m.Actor.Id == "so.shabaab");
        Assert.DoesNotContain(Find("تظاهر الشباب في القاهرة"), m => m.Actor.Id == "so.shabaab");
    }

    [Theory]
    [InlineData("شنت طائرات التحالف غارات على صنعاء", "intl.saudi_coalition")]
    [InlineData("شنت طائرات التحالف غارات على الرقة", "intl.global_coalition")]
    [InlineData("قصف التحالف الدولي مواقع التنظيم", "intl.global_coalition")]
    [InlineData("أعلن التحالف العربي اعتراض صاروخ", "intl.saudi_coalition")]
    public void The_coalition_is_told_apart_by_context(string sentence, string id)
    {
        Assert.Equal(id, Find(sentence)[0].Actor.Id);
    }

    [Fact]
    public void A_bare_coalition_without_context_names_no_actor()
    {
        Assert.Empty(Find("أعلن التحالف عن خطة جديدة"));
    }

    [Theory]
    [InlineData("هاجم تنظيم القاعدة نقطة أمنية في أبين", "ye.aqap")]
    [InlineData("هاجم مسلحو القاعدة نقطة أمنية في شبوة", "ye.aqap")]
    [InlineData("تبنى تنظيم القاعدة الهجوم في كيدال", "intl.aqim")]
    [InlineData("هاجم عناصر القاعدة نقطة في أبين", "ye.aqap")]
    [InlineData("تبنت القاعدة الهجوم في كيدال", "intl.aqim")]
    [InlineData("تبنى تنظيم القاعدة الهجوم", "intl.al_qaeda")]
    [InlineData("قتل عناصر من داعش في الموصل", "intl.is")]
    [InlineData("قتل عناصر من داعش في ننغرهار", "af.is")]
    [InlineData("قتل عدد من العناصر التكفيرية في العريش", "eg.is_sinai")]
    public void Branches_of_transnational_groups_follow_the_country(string sentence, string id)
    {
        Assert.Equal(id, Find(sentence)[0].Actor.Id);
    }

    [Fact]
    public void The_longest_alias_wins()
    {
        Assert.Equal("ly.lna", Assert.Single(Find("تقدم الجيش الوطني الليبي نحو المدينة")).Actor.Id);
        Assert.Equal("sy.fsa", Assert.Single(Find("سيطر الجيش السوري الحر على القرية")).Actor.Id);
        Assert.Equal("pk.ttp", Assert.Single(Find("تبنت حركة طالبان باكستان الهجوم")).Actor.Id);
    }

    [Fact]
    public void A_shared_alias_returns_every_candidate_with_the_context_country_first()
    {
        var inLibya = Assert.Single(Find("تقدم الجيش الوطني في بنغازي"), m => m.Candidates.Count > 1);
        var inYemen = Assert.Single(Find("تقدم الجيش الوطني في مأرب"));

        Assert.Equal("ly.lna", inLibya.Actor.Id);
        Assert.Contains(inLibya.Candidates, c => c.Id == "ye.army");

        // LNA's claim is bound to Libyan context, so in Yemen the Yemeni army is the only reading.
        Assert.Equal("ye.army", Assert.Single(inYemen.Candidates).Id);
    }

    [Fact]
    public void Aliases_do_not_match_inside_longer_words()
    {
        Assert.Empty(Find("كان الحوثيينات اسما غريبا وحماسة الشباب عالية"));
    }

    [Fact]
    public void Mention_span_excludes_proclitics()
    {
        const string Sentence = "اشتبكت قوات الشرعية والحوثيين";

        var mention = Find(Sentence)[^1];

        Assert.Equal("الحوثيين", MentionText(Sentence, mention));
    }
}
