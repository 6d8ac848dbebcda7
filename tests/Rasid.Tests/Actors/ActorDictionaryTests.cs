using Rasid.Actors;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Tests.Actors;

public sealed partial class ActorDictionaryTests
{
    private static readonly Lazy<ActorDictionary> s_shipped = new(() =>
        ActorDictionary.Load(new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data"))));

    private static ActorDictionary Shipped => s_shipped.Value;

    private static IReadOnlyList<ActorMention> Find(string text, params string[] context) =>
        Shipped.Find(AnalyzedText.Analyze(text), context.Length == 0 ? null : context);

    private static string MentionText(string text, ActorMention m) => AnalyzedText.Analyze(text).Normalized.Text[m.Span.Start..m.Span.End];

    [Fact]
    public void Shipped_data_loads_without_diagnostics()
    {
        var dictionary = Shipped;

        Assert.True(dictionary.Entries.Count > 100, $"only {dictionary.Entries.Count} entries");
        Assert.True(dictionary.PhraseCount > dictionary.Entries.Sum(e => e.Aliases.Count), "variants expanded nothing");
    }
}
