using Rasid.Places;
using Rasid.Text;

namespace Rasid.Tests.Places;

/// <summary>Every place named in the five sample articles resolves to the right province (and district where stated).</summary>
public class SampleTests
{
    private static (AnalyzedText Text, PlaceAnalysis Places) Analyze(string sample, params string[] hints)
    {
        var text = AnalyzedText.Analyze(PlacesTestData.Sample(sample));
        return (text, PlacesTestData.Resolver.Analyze(text, hints));
    }

    [Theory]
    [InlineData("000", "YE", "تعز", "YE-TA")] // the city of the Popular Resistance leader
    [InlineData("000", "YE", "عدن", "YE-AD")] // "بعدن": proclitic ب
    [InlineData("001", "YE", "عتمة", "YE-DH")] // district of Dhamar
    [InlineData("001", "YE", "ذمار", "YE-DH")] // "لمحافظة ذمار"
    [InlineData("002", "SY", "إدلب", "SY-ID")] // dateline of the Syrian article
    [InlineData("002", "SY", "ريف حماة", "SY-HM")] // countryside alias
    [InlineData("002", "SY", "درعا", "SY-DR")] // related-articles list
    [InlineData("003", "YE", "البيضاء", "YE-BA")] // البيضاء in a Yemeni article is not Libya's
    [InlineData("003", "YE", "الضالع", "YE-DA")] // Ad Dali'
    [InlineData("003", "YE", "المحفد", "YE-AB")] // "مديرية المحفد محافظة أبين"
    [InlineData("003", "YE", "أبين", "YE-AB")] // Abyan
    [InlineData("003", "YE", "عتق", "YE-SH")] // "مدينة عتق عاصمة محافظة شبوة"
    [InlineData("003", "YE", "شبوة", "YE-SH")] // Shabwah
    [InlineData("003", "YE", "طور الباحة", "YE-LA")] // "بمديرية طور الباحة في لحج"
    [InlineData("003", "YE", "لحج", "YE-LA")] // Lahj
    [InlineData("003", "YE", "حضرموت", "YE-HD")] // Hadramawt: ISO differs from HASC
    [InlineData("003", "YE", "صنعاء", "YE-SA")] // the capital
    [InlineData("003", "YE", "المنطقة الوسطى", "YE-AB")] // regional alias of Abyan
    [InlineData("004", "YE", "دمت", "YE-DA")] // "مدينة دمت"
    [InlineData("004", "YE", "إب", "YE-IB")] // two-letter name with a province cue
    [InlineData("004", "YE", "الزاهر", "YE-BA")] // one of seven الزاهر, the one in Al Bayda
    [InlineData("004", "YE", "آل حميقان", "YE-BA")] // village of Al Bayda
    [InlineData("004", "YE", "مكيراس", "YE-BA")] // "بلدة مكيراس"
    [InlineData("004", "YE", "ذي ناعم", "YE-BA")] // district of Al Bayda
    [InlineData("004", "YE", "رداع", "YE-BA")] // "قيفة رداع"
    [InlineData("004", "YE", "قيفة", "YE-BA")] // tribal area alias
    public void Sample_place_resolves_to_its_province(string sample, string hint, string name, string admin1)
    {
        var (text, places) = Analyze(sample, hint);
        var key = ArabicNormalizer.NormalizeKey(name);
        var matches = places.Mentions.Where(m => text.Normalized.Text[m.Span.Start..m.Span.End].EndsWith(key, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(matches);
        Assert.All(matches, m => Assert.Equal(admin1, m.Admin1Code));
    }

    [Theory]
    [InlineData("001", "عتمة", "Otmah")] // the district itself
    [InlineData("004", "الزاهر", "Az Zahir")] // district of Al Bayda, not one of the other six
    [InlineData("004", "مكيراس", "Mukayras")] // district and town
    [InlineData("003", "عتق", "Ataq")] // district of the capital
    [InlineData("003", "المحفد", "Al Mahfad")] // district of Abyan
    public void Sample_place_resolves_to_its_district(string sample, string name, string admin2)
    {
        var (text, places) = Analyze(sample, "YE");
        var key = ArabicNormalizer.NormalizeKey(name);
        var m = places.Mentions.First(m => text.Normalized.Text[m.Span.Start..m.Span.End] == key);
        Assert.Equal(admin2, m.Admin2);
    }

    [Fact]
    public void The_Yemeni_samples_are_about_Yemen_without_any_hint()
    {
        Assert.Equal("YE", Analyze("003").Places.DocumentCountry);
        Assert.Equal("YE", Analyze("004").Places.DocumentCountry);
        Assert.Equal("SY", Analyze("002").Places.DocumentCountry);
    }

    [Fact]
    public void Unknown_name_does_not_blank_the_document()
    {
        // الخديرة is in no source; the rest of the sentence still gives the region and the province.
        var (text, places) = Analyze("003", "YE");
        var at = text.Normalized.Text.IndexOf("اختطف مسلحون من تنظيم القاعده في منطقه الخديره", StringComparison.Ordinal);
        Assert.True(at > 0);
        var sentence = text.Sentences.First(s => s.Span.Start <= at && s.Span.End > at).Span;
        var place = PlacesTestData.Locator(text, places).LocateEvent(new TextSpan(at, at + 10), sentence);
        Assert.NotNull(place);
        Assert.Equal("YE-AB", place.Admin1Code);
    }
}
