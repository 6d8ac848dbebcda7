using Rasid.Data;
using Rasid.Text;

namespace Rasid.Tests.Text;

public class WordFilterTests
{
    [Theory]
    [InlineData("حوثي")]
    [InlineData("x")]
    [InlineData("")]
    public void The_hash_of_a_word_is_the_hash_of_its_edge_key_from_a_compiled_trie_root(string word)
    {
        Assert.Equal(FrozenStringMap.Hash("\0\0" + word), WordFilter.Hash(word));
    }

    [Fact]
    public void Added_words_are_always_found_and_most_others_are_ruled_out()
    {
        var filter = new WordFilter();
        var added = Enumerable.Range(0, 1000).Select(i => "كلمة" + i).ToList();
        foreach (var w in added)
        {
            filter.Add(WordFilter.Hash(w));
        }

        Assert.All(added, w => Assert.True(filter.MayContain(WordFilter.Hash(w))));
        var falsePositives = Enumerable.Range(0, 10_000).Count(i => filter.MayContain(WordFilter.Hash("اخرى" + i)));
        Assert.InRange(falsePositives, 0, 500); // 1,000 of 65,536 bits set: about 1.5% expected
        Assert.Equal(filter.Bits.ToArray(), WordFilter.FromBits(filter.Bits).Bits.ToArray());
    }

    [Fact]
    public void A_matcher_finds_each_first_word_through_its_filter_with_every_proclitic_reading()
    {
        var m = new PhraseMatcher<string>();
        m.Add("المدينة", "city");
        m.Add("قوات الأمن", "police");
        var text = AnalyzedText.Analyze("وللمدينة وبقوات الأمن والمدينة مدينة");

        var found = m.FindAll(text.Tokens).Select(x => (x.FirstToken, x.Value[0])).ToList();

        Assert.Equal([(0, "city"), (1, "police"), (3, "city"), (4, "city")], found);
    }
}
