using Rasid.Text;


namespace Rasid.Tests.Text;

public class SentenceSplitterTests
{
    [Theory]
    [InlineData("قتل جندي. وأصيب آخر.", 2)] // plain full stops
    [InlineData("بلغت النسبة 3.5 في المئة.", 1)] // a decimal number is one token
    [InlineData("المصدر www.example.org وقتل جندي.", 1)] // dots inside a URL
    [InlineData("قال د. محمد إن جنديا قتل.", 1)] // one-letter abbreviation
    [InlineData("قتل جندي... ثم فر المهاجمون.", 2)] // an ellipsis ends one sentence, not three
    [InlineData("هل قتل جندي؟! نعم.", 2)] // a run of terminals
    [InlineData("قتل جندي؛ وأصيب آخر", 2)] // Arabic semicolon
    [InlineData("العنوان\nالنص الأول", 2)] // a line break
    [InlineData("قتل جندي", 1)] // no terminal at the end
    public void Splits_at_sentence_ends_only(string text, int expected)
    {
        Assert.Equal(expected, AnalyzedText.Analyze(text).Sentences.Count);
    }

    [Fact]
    public void Sentences_cover_all_tokens_in_order()
    {
        var a = AnalyzedText.Analyze("قتل جندي... ثم فر. «وقال:» نعم!\nسطر");
        var next = 0;
        foreach (var s in a.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            next = s.EndToken;
        }

        Assert.Equal(a.Tokens.Count, next);
    }
}
