using Rasid.Places;
using Rasid.Tests.Places;
using Rasid.Text;

namespace Rasid.Tests.Events;

public class EventLocatorTests
{
    private static (AnalyzedText Text, PlaceAnalysis Places) Analyze(string text, params string[] hints)
    {
        var analyzed = AnalyzedText.Analyze(text);
        return (analyzed, PlacesTestData.Resolver.Analyze(analyzed, hints));
    }

    private static TextSpan Find(AnalyzedText text, string s)
    {
        var key = ArabicNormalizer.Normalize(s).Text;
        var at = text.Normalized.Text.IndexOf(key, StringComparison.Ordinal);
        Assert.True(at >= 0, s);
        return new TextSpan(at, at + key.Length);
    }

    private static TextSpan SentenceOf(AnalyzedText text, TextSpan anchor) => text.Sentences.First(s => s.Span.Overlaps(anchor)).Span;

    [Fact]
    public void Location_is_written_as_in_the_original_text_with_its_diacritics_and_without_the_cue()
    {
        var (text, places) = Analyze("قُتِلَ جنديٌّ في مدينةِ دَمْت أمس.", "YE");
        var anchor = Find(text, "قتل");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.NotNull(place);
        Assert.Equal("دَمْت", place.LocationAr);
        Assert.Equal("YE-DA", place.Admin1Code);
        Assert.Equal(1, place.GeoPrecision);
    }

    [Fact]
    public void Near_and_direction_words_lower_the_precision_to_two()
    {
        var (text, places) = Analyze("اندلعت اشتباكات شمال مدينة دمت.", "YE");
        var anchor = Find(text, "اشتباكات");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal(2, place!.GeoPrecision);
        Assert.Equal("دمت", place.LocationAr);
    }

    [Fact]
    public void A_province_alone_has_precision_three()
    {
        var (text, places) = Analyze("سقط قتلى في محافظة البيضاء.", "YE");
        var anchor = Find(text, "سقط قتلى");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal(3, place!.GeoPrecision);
        Assert.Equal("YE-BA", place.Admin1Code);
        Assert.Equal("Al Bayda", place.Admin1);
        Assert.Equal("Yemen", place.Country);
    }

    [Fact]
    public void Sentence_without_a_place_falls_back_to_the_nearest_preceding_place_of_the_paragraph()
    {
        var (text, places) = Analyze("شنت المقاومة هجوما في مدينة عتق. وأسفر الهجوم عن مقتل ثلاثة.\nوفي تعز هدوء حذر.", "YE");
        var anchor = Find(text, "مقتل ثلاثه");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal("عتق", place!.LocationAr);
        Assert.Contains("preceding", place.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_after_the_trigger_wins_over_a_place_before_it()
    {
        var (text, places) = Analyze("بعد أيام من معارك عدن قصفت الطائرات مواقع في لحج.", "YE");
        var anchor = Find(text, "قصفت الطائرات");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal("لحج", place!.LocationAr);
    }

    [Fact]
    public void Only_a_country_in_the_text_gives_the_country_with_precision_three()
    {
        var (text, places) = Analyze("قتل جندي في اليمن.");
        var anchor = Find(text, "قتل جندي");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal("YE", place!.Iso2);
        Assert.Null(place.Admin1Code);
        Assert.Equal(3, place.GeoPrecision);
    }

    [Fact]
    public void Text_without_places_gives_no_location()
    {
        var (text, places) = Analyze("قال المتحدث إن الوضع هادئ.");
        var anchor = Find(text, "قال");
        Assert.Null(PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor)));
        Assert.Empty(places.Mentions);
    }

    [Fact]
    public void Resolved_places_carry_coordinates_and_admin_names()
    {
        var (_, places) = Analyze("هجوم في مدينة عتق عاصمة محافظة شبوة.");
        var ataq = places.Mentions.First(m => m.LocationAr == "عتق");
        Assert.InRange(ataq.Latitude, 14, 15.5);
        Assert.InRange(ataq.Longitude, 46, 47.5);
        Assert.Equal("Shabwah", ataq.Admin1);
        Assert.Equal("YE-SH", ataq.Admin1Code);
        Assert.NotNull(ataq.Reason);
    }

    [Fact]
    public void Anaphoric_province_word_refers_back_to_the_province_named_before()
    {
        var (text, places) = Analyze("وفي محافظة البيضاء اشتبك الطرفان في مديرية الزاهر.\nوشنت الطائرات غارات على معسكر في المحافظة.", "YE");
        var anchor = Find(text, "وشنت الطائرات");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal("البيضاء", place!.LocationAr);
        Assert.Equal(3, place.GeoPrecision);
    }

    [Fact]
    public void A_news_source_place_is_where_it_was_reported_not_where_it_happened()
    {
        var (text, places) = Analyze("معارك عنيفة في تعز.\nوقال مصدر في المقاومة بعدن إن المقاتلين أسروا عشرة.", "YE");
        var anchor = Find(text, "اسروا عشره");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal("تعز", place!.LocationAr);
        Assert.Equal("YE-TA", place.Admin1Code);
    }

    [Fact]
    public void A_dateline_place_is_not_the_event_place()
    {
        var (text, places) = Analyze("وكالة الأنباء - إدلب\nقتل عنصران في اشتباكات.\nوتدور المعارك في ريف حماة.", "SY");
        var anchor = Find(text, "قتل عنصران");
        var place = PlacesTestData.Locator(text, places).LocateEvent(anchor, SentenceOf(text, anchor));
        Assert.Equal("ريف حماة", place!.LocationAr);
        Assert.True(places.Details.Single(m => m.Text == "ادلب").IsReportingSource);
    }
}
