using System.Runtime.InteropServices;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Actors;

/// <summary>
/// The actor lexicon's compiled snapshot (<see cref="CompiledData"/>): the entries and the country words, read back
/// without parsing or checking, and the alias trie (17,000 phrase forms, variants already expanded) in the frozen form
/// that lookups read in place (<see cref="PhraseMatcher{T}.OpenFrozen"/>).
/// </summary>
internal sealed partial class ActorLexicon
{
    /// <summary>Writes the entries, both tries and the country names.</summary>
    internal CompiledWriter Compile()
    {
        var w = new CompiledWriter();
        var index = new Dictionary<ActorEntry, int>(ReferenceEqualityComparer.Instance);
        w.Write(Entries.Count);
        foreach (var e in Entries)
        {
            index.Add(e, index.Count);
            WriteEntry(w, e);
        }

        var payloads = new List<AliasRecord>();
        var payloadIds = new Dictionary<AliasPayload, int>(ReferenceEqualityComparer.Instance);
        Aliases.WriteFrozen(w, payload =>
        {
            if (!payloadIds.TryGetValue(payload, out var id))
            {
                payloadIds.Add(payload, id = payloads.Count);
                payloads.Add(payload.Entry is null
                    ? ReferenceEquals(payload, AliasPayload.Stop) ? new AliasRecord(-1, -1, 0) : throw new InvalidOperationException("a stop phrase payload other than AliasPayload.Stop")
                    : new AliasRecord(index[payload.Entry], w.StringId(ContextsAlias(payload)), payload.Article is null ? 0 : payload.Article.Value ? 2 : 1));
            }

            return id;
        });
        w.Write(w.AddSection<AliasRecord>(CollectionsMarshal.AsSpan(payloads)));
        CountryWords.Write(w, static (w, iso) => w.Write(iso));
        w.Write(CountryNames.Count);
        foreach (var (iso, name) in CountryNames)
        {
            w.Write(iso);
            w.Write(name);
        }

        return w;
    }

    /// <summary>The lexicon of a snapshot <see cref="Compile"/> wrote.</summary>
    internal static ActorLexicon Open(CompiledSnapshot snapshot)
    {
        var r = snapshot.Reader();
        var lexicon = Read(r);
        r.ExpectEnd();
        return lexicon;
    }

    private static ActorLexicon Read(CompiledReader r)
    {
        var entries = new List<ActorEntry>(r.ReadCount());
        for (var i = entries.Capacity; i > 0; i--)
        {
            entries.Add(ReadEntry(r));
        }

        var snapshot = r.Snapshot;
        var payloadSection = -1; // read right after the trie; the payloads are made later, when a phrase first matches
        var aliases = PhraseMatcher<AliasPayload>.OpenFrozen(r, id => Payload(snapshot, entries, payloadSection, id));
        payloadSection = r.ReadInt32();
        _ = snapshot.Section<AliasRecord>(payloadSection); // a bad section number fails now, not at the first match
        var countryWords = PhraseMatcher<string>.Read(r, static r => r.ReadRequiredString());
        var countryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = r.ReadCount(); i > 0; i--)
        {
            countryNames.Add(r.ReadRequiredString(), r.ReadRequiredString());
        }

        return new ActorLexicon(entries, aliases, countryWords, countryNames);
    }

    /// <summary>The payload of record <paramref name="id"/>: its entry, the entry's own context list of the alias, and the article rule.</summary>
    private static AliasPayload Payload(CompiledSnapshot snapshot, List<ActorEntry> entries, int section, int id)
    {
        var r = snapshot.Section<AliasRecord>(section)[id];
        if (r.Entry == -1)
        {
            return AliasPayload.Stop;
        }

        var entry = (uint)r.Entry < (uint)entries.Count ? entries[r.Entry] : throw new InvalidDataException($"no actor entry {r.Entry}");
        var contexts = snapshot.String(r.Contexts) is { } alias ? entry.AliasContexts[alias] : null;
        return new AliasPayload(entry, contexts, r.Article switch { 0 => null, 1 => false, _ => true });
    }

    /// <summary>A payload of the alias trie: entry index (-1: a stop phrase), pool id of the alias whose contexts apply (-1: none), article rule (0 either, 1 without, 2 with).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct AliasRecord(int Entry, int Contexts, int Article);

    /// <summary>The alias whose context list the payload shares (the loader takes it from the entry), or null.</summary>
    private static string? ContextsAlias(AliasPayload payload)
    {
        if (payload.Contexts is null)
        {
            return null;
        }

        foreach (var (alias, contexts) in payload.Entry!.AliasContexts)
        {
            if (ReferenceEquals(contexts, payload.Contexts))
            {
                return alias;
            }
        }

        throw new InvalidOperationException($"the contexts of an alias payload of '{payload.Entry.Id}' are not the entry's own");
    }

    private static void WriteEntry(CompiledWriter w, ActorEntry e)
    {
        w.Write(e.Id);
        w.Write(e.Name);
        w.Write(e.NameAr);
        w.Write(e.Inter);
        w.Write(e.Country);
        w.Write(e.Aliases);
        w.Write(e.AliasContexts.Count);
        foreach (var (alias, contexts) in e.AliasContexts)
        {
            w.Write(alias);
            w.Write(contexts);
        }

        w.Write(e.ExactArticleAliases);
        w.Write(e.ValidFrom?.DayNumber ?? -1);
        w.Write(e.ValidTo?.DayNumber ?? -1);
        w.Write(e.Specializes);
        w.Write(e.AlsoStandsInFor);
        w.Write(e.Note);
        w.Write(e.Source);
    }

    private static ActorEntry ReadEntry(CompiledReader r) => new()
    {
        Id = r.ReadRequiredString(),
        Name = r.ReadRequiredString(),
        NameAr = r.ReadRequiredString(),
        Inter = r.ReadInt32(),
        Country = r.ReadString(),
        Aliases = r.ReadStringList(),
        AliasContexts = ReadContexts(r),
        ExactArticleAliases = new HashSet<string>(r.ReadStringList(), StringComparer.Ordinal),
        ValidFrom = ReadDate(r),
        ValidTo = ReadDate(r),
        Specializes = r.ReadString(),
        AlsoStandsInFor = r.ReadStringList(),
        Note = r.ReadString(),
        Source = r.ReadString(),
    };

    private static Dictionary<string, IReadOnlyList<string>> ReadContexts(CompiledReader r)
    {
        var contexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var i = r.ReadCount(); i > 0; i--)
        {
            contexts.Add(r.ReadRequiredString(), r.ReadStringList());
        }

        return contexts;
    }

    private static DateOnly? ReadDate(CompiledReader r) => r.ReadInt32() is var day and >= 0 ? DateOnly.FromDayNumber(day) : null;
}
