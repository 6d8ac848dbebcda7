using Rasid.Text;


namespace Rasid.Tests.Text;

public class PhraseMatcherTests
{
    private static IReadOnlyList<string> Find(PhraseMatcher<string> m, string text, out AnalyzedText a)
    {
        a = AnalyzedText.Analyze(text);
        var local = a;
        return m.FindAll(a.Tokens).Select(x => local.Normalized.Text[x.Span.Start..x.Span.End]).ToList();
    }

    [Fact]
    public void Proclitics_on_the_first_word_are_skipped()
    {
        var m = new PhraseMatcher<string>();
        m.Add("تعز", "taizz");
        m.Add("المقاومة الشعبية", "pr");
        var found = Find(m, "وصلت بتعز وللمقاومة الشعبية", out _);
        Assert.Equal(["تعز", "مقاومه الشعبيه"], found);
    }

    [Fact]
    public void A_name_that_starts_with_a_clitic_letter_stays_whole_when_it_is_known()
    {
        var m = new PhraseMatcher<string>();
        m.Add("لبنان", "lebanon");
        m.Add("بنان", "other");
        var a = AnalyzedText.Analyze("في لبنان");
        var match = Assert.Single(m.FindAll(a.Tokens));
        Assert.Equal("lebanon", Assert.Single(match.Value));
        Assert.Equal(0, match.PrefixLength);
    }

    [Fact]
    public void Longest_phrase_wins()
    {
        var m = new PhraseMatcher<string>();
        m.Add("الحزام", "belt-word");
        m.Add("قوات الحزام الأمني", "security-belt");
        var a = AnalyzedText.Analyze("هاجم قوات الحزام الأمني");
        var match = Assert.Single(m.FindAll(a.Tokens));
        Assert.Equal("security-belt", Assert.Single(match.Value));
    }
}
