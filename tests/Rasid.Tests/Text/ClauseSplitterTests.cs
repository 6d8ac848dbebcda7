using Rasid.Data;
using Rasid.Text;


namespace Rasid.Tests.Text;

public class ClauseSplitterTests
{
    private static readonly ClauseSplitter s_splitter = ClauseSplitter.Load(new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data")));

    private static List<string> Clauses(string text)
    {
        var a = AnalyzedText.Analyze(text);
        Assert.Single(a.Sentences);
        return s_splitter.Split(a, a.Sentences[0]).Select(c => a.Normalized.Text[c.Span.Start..c.Span.End]).ToList();
    }

    [Fact]
    public void Short_sentence_stays_whole()
    {
        Assert.Single(Clauses("قتل 3 جنود في عدن، وأصيب 5 مدنيين في تعز."));
    }

    [Fact]
    public void Long_sentence_splits_at_comma_and_at_conjunction_plus_verb()
    {
        var clauses = Clauses(
            "قتل ثلاثة جنود من الجيش اليمني في هجوم على موقع عسكري في محافظة عدن، "
            + "وأصيب خمسة مدنيين بجروح متفاوتة في قصف على حي سكني بمدينة تعز وقال مصدر طبي إن الحصيلة مرشحة للارتفاع.");
        Assert.Equal(3, clauses.Count);
        Assert.EndsWith("عدن،", clauses[0], StringComparison.Ordinal);
        Assert.StartsWith("واصيب", clauses[1], StringComparison.Ordinal);
        Assert.StartsWith("وقال", clauses[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Conjunction_before_a_noun_does_not_split()
    {
        // "والأطفال", "وتعز" are و + noun/name, not a new clause.
        var clauses = Clauses(
            "قتل ثلاثة من النساء والأطفال والشيوخ في قصف استهدف الأحياء السكنية في عدن وتعز ولحج وأبين خلال ساعات الليل الطويلة جدا.");
        Assert.Single(clauses);
    }

    [Fact]
    public void Clauses_partition_the_sentence_tokens()
    {
        var a = AnalyzedText.Analyze(
            "قتل ثلاثة جنود، وأصيب خمسة مدنيين، كما اعتقل عشرة أشخاص، فيما فر الباقون إلى الجبال المجاورة للمدينة في ساعات الصباح الأولى.");
        var clauses = s_splitter.Split(a, a.Sentences[0]);
        Assert.True(clauses.Count > 1);
        Assert.Equal(a.Sentences[0].FirstToken, clauses[0].FirstToken);
        Assert.Equal(a.Sentences[0].EndToken, clauses[^1].EndToken);
        for (var i = 1; i < clauses.Count; i++)
        {
            Assert.Equal(clauses[i - 1].EndToken, clauses[i].FirstToken);
            Assert.True(clauses[i].TokenCount >= ClauseSplitter.MinimumClauseTokens);
        }
    }
}
