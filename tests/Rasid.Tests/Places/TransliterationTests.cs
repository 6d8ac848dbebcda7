using Rasid.Places;
using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Places;

/// <summary>The English columns never carry Arabic script (issue 12).</summary>
[Trait("Issue", "12")]
public class TransliterationTests
{
    private static readonly Transliteration s_table = PlacesTestData.Resolver.Gazetteer.Transliteration;

    [Theory]
    [InlineData("الغوطة الشرقية", "Al-Ghuta Al-Shrqiya")] // article, final ة, nisba ية
    [InlineData("عمران", "Amran")] // initial ayn as its vowel
    [InlineData("درنة", "Drna")]
    [InlineData("وادي", "Wadi")] // initial و is w, final ي is i
    [InlineData("مَأرِب", "Marb")] // diacritics dropped
    [InlineData("Sanaa", "Sanaa")] // Latin passes through
    public void Arabic_place_names_get_a_deterministic_latin_form(string arabic, string latin)
    {
        Assert.Equal(latin, s_table.ToLatin(arabic));
        Assert.False(Transliteration.HasArabic(s_table.ToLatin(arabic)));
    }

    [Theory]
    [InlineData("قصف الطيران الحربي مدينة حلب.", "Aleppo")] // a city the source names only in Arabic: its province's English name
    [InlineData("قتل ثلاثة مدنيين في غارة على مدينة درنة.", null)] // no English name anywhere: transliterated
    [InlineData("اندلعت اشتباكات عنيفة في الغوطة الشرقية.", null)]
    public void Locations_in_the_output_are_never_arabic_script(string text, string? expected)
    {
        var e = Assert.Single(TestPipeline.Extract(text).Events);

        Assert.False(Transliteration.HasArabic(e.Location), e.Location);
        Assert.False(Transliteration.HasArabic(e.Notes), e.Notes);
        if (expected is not null)
        {
            Assert.Equal(expected, e.Location);
        }
    }
}
