using Rasid.Documents;
using Rasid.Lexicons;

namespace Rasid.Actors;

/// <summary>The curated, user-extensible actor dictionary (every *.tsv under data/actors/).</summary>
public sealed class ActorDictionary
{
    private ActorDictionary(IReadOnlyList<ActorEntry> entries)
    {
        Entries = entries;
    }

    /// <summary>All entries.</summary>
    public IReadOnlyList<ActorEntry> Entries { get; }

    /// <summary>Loads every actor file from <paramref name="data"/>.</summary>
    public static ActorDictionary Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ActorDictionary([]);
    }

    /// <summary>The entry with id <paramref name="id"/>, or null.</summary>
    public ActorEntry? Get(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>All actor mentions in <paramref name="text"/>, longest match first, non-overlapping, in order.</summary>
    public IReadOnlyList<ActorMention> Find(AnalyzedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [];
    }
}
