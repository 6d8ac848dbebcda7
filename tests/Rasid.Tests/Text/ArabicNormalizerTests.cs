using Rasid.Text;


namespace Rasid.Tests.Text;

public class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")] // hamza above
    [InlineData("إدلب", "ادلب")] // hamza below
    [InlineData("آل حميقان", "ال حميقان")] // madda
    [InlineData("مستشفى", "مستشفي")] // alef maqsura
    [InlineData("عتمة", "عتمه")] // teh marbuta
    [InlineData("قُتِلَ", "قتل")] // harakat removed
    [InlineData("قـــتل", "قتل")] // tatweel removed
    [InlineData("١٢٣", "123")] // Arabic-Indic digits
    [InlineData("۱۲", "12")] // Persian digits
    [InlineData("ﻻ", "لا")] // lam-alef ligature expands
    public void Folds_for_matching(string input, string expected)
    {
        Assert.Equal(expected, ArabicNormalizer.Normalize(input).Text);
    }

    [Fact]
    public void Match_on_normalised_text_maps_back_to_exact_original_span()
    {
        var original = "وقُتِلَ جنديٌّ في\u200Fعتمة";
        var n = ArabicNormalizer.Normalize(original);
        var at = n.Text.IndexOf("جندي", StringComparison.Ordinal);
        var span = n.ToOriginal(at, at + "جندي".Length);
        Assert.Equal("جنديٌّ", original[span.Start..span.End]);
        var place = n.Text.IndexOf("عتمه", StringComparison.Ordinal);
        var placeSpan = n.ToOriginal(place, place + 4);
        Assert.Equal("عتمة", original[placeSpan.Start..placeSpan.End]);
    }
}
