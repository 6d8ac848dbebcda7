using Rasid.Data;
using Rasid.Text;


namespace Rasid.Tests.Text;

public class CliticSegmenterTests
{
    private static readonly CliticRules s_rules = CliticRules.Load(new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data")));

    // A small fixture lexicon of known stems (normalised: ة → ه).
    private static readonly HashSet<string> s_known = new(StringComparer.Ordinal)
    {
        "المدينه", "مدينه", "كتاب", "قريه", "يقتل", "الجيش", "بلال", "جنود", "اهل",
    };

    [Theory]
    [InlineData("وبالمدينه", "وب", "المدينه", "")] // conjunction + preposition before the article
    [InlineData("للمدينه", "لل", "المدينه", "")] // ل + ال written لل: the article is restored
    [InlineData("فالجيش", "ف", "الجيش", "")] // ف before the article
    [InlineData("وسيقتل", "وس", "يقتل", "")] // future س only before an imperfect verb
    [InlineData("كتابهم", "", "كتاب", "هم")] // enclitic pronoun
    [InlineData("وكتابهما", "و", "كتاب", "هما")] // longest pronoun first: هما, not ه + ما
    [InlineData("قريتهم", "", "قريه", "هم")] // teh marbuta written ت before a pronoun
    [InlineData("بمدينتنا", "ب", "مدينه", "نا")] // both sides at once
    [InlineData("لاهلي", "ل", "اهل", "ي")] // first-person pronoun
    public void Splits_when_the_stem_is_known(string word, string proclitics, string stem, string enclitic)
    {
        var s = CliticSegmenter.Segment(word, s_known.Contains, s_rules);
        Assert.Equal((proclitics, stem, enclitic), (s.Proclitics, s.Stem, s.Enclitic));
        Assert.True(s.IsSplit);
    }

    [Theory]
    [InlineData("بلال")] // a known name starting with ب stays whole
    [InlineData("فرنسا")] // unknown rest (رنسا): stays whole
    [InlineData("لبنان")] // unknown rest (بنان): stays whole
    [InlineData("وه")] // too short to split
    [InlineData("الجيشهم")] // the article and a pronoun never go together
    public void Stays_whole_when_no_split_leaves_a_known_stem(string word)
    {
        var s = CliticSegmenter.Segment(word, s_known.Contains, s_rules);
        Assert.False(s.IsSplit);
        Assert.Equal(word, s.Stem);
    }

    [Fact]
    public void Proclitics_only_overload_never_strips_pronouns()
    {
        var s = CliticSegmenter.Segment("كتابهم", s_known.Contains);
        Assert.False(s.IsSplit);
    }

    [Fact]
    public void Stem_candidates_keep_their_order_and_restore_the_article()
    {
        var candidates = CliticSegmenter.StemCandidates("وللمدينه").ToList();
        Assert.Equal(new StemCandidate(0, "وللمدينه"), candidates[0]);
        Assert.Contains(new StemCandidate(3, "المدينه"), candidates);
    }

    [Fact]
    public void Enclitics_load_from_data_longest_first()
    {
        Assert.Equal("هما", s_rules.Enclitics[0]);
        Assert.Contains("ه", s_rules.Enclitics);
    }
}
