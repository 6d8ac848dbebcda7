using Rasid.Data;
using Rasid.Text;

namespace Rasid.Actors;

/// <summary>
/// The curated, user-extensible actor dictionary: every actor file <c>data/actors/*.tsv</c> (so a user may drop in
/// <c>local.tsv</c>), plus three support files of the same folder: <c>variants.tsv</c> (word-variant classes),
/// <c>stop_phrases.tsv</c> (phrases that contain an alias but name no actor, e.g. مجلس الأمن) and
/// <c>countries.tsv</c> (country names and context words). See data/actors/README.md.
/// </summary>
public sealed class ActorDictionary
{
    /// <summary>The data folder read by <see cref="Load"/>.</summary>
    public const string Folder = "actors";

    /// <summary>File names in <see cref="Folder"/> that are support files, not actor files.</summary>
    public static readonly IReadOnlyList<string> SupportFiles = ["variants.tsv", "stop_phrases.tsv", "countries.tsv"];


    private readonly Dictionary<string, ActorEntry> _byId;
    private readonly Dictionary<string, List<ActorEntry>> _specializations;
    private readonly PhraseMatcher<AliasPayload> _matcher;
    private readonly PhraseMatcher<string> _countryWords;
    private readonly Dictionary<string, string> _countryNames;

    private ActorDictionary(
        IReadOnlyList<ActorEntry> entries,
        PhraseMatcher<AliasPayload> matcher,
        PhraseMatcher<string> countryWords,
        Dictionary<string, string> countryNames)
    {
        Entries = entries;
        _byId = entries.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _matcher = matcher;
        _countryWords = countryWords;
        _countryNames = countryNames;
        _specializations = new Dictionary<string, List<ActorEntry>>(StringComparer.Ordinal);
        foreach (var e in entries.Where(e => e.Specializes is not null))
        {
            if (!_specializations.TryGetValue(e.Specializes!, out var list))
            {
                list = [];
                _specializations[e.Specializes!] = list;
            }

            list.Add(e);
        }
    }

    /// <summary>All entries, in file order (files sorted by name).</summary>
    public IReadOnlyList<ActorEntry> Entries { get; }

    /// <summary>Number of alias phrase forms (after variant expansion) the recogniser knows, stop phrases included.</summary>
    public int PhraseCount => _matcher.Count;

    /// <summary>
    /// Loads every actor file from <paramref name="data"/> (folder <see cref="Folder"/>).
    /// Every problem is collected first; then one <see cref="ActorDataException"/> lists them all.
    /// </summary>
    /// <exception cref="ActorDataException">The data has at least one problem.</exception>
    public static ActorDictionary Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var lexicon = ActorLexicon.Load(data);
        return new ActorDictionary(lexicon.Entries, lexicon.Aliases, lexicon.CountryWords, lexicon.CountryNames);
    }

    /// <summary>The entry with id <paramref name="id"/>, or null.</summary>
    public ActorEntry? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The English name of country <paramref name="iso2"/> from countries.tsv (for <see cref="ActorEntry.DisplayName"/>), or null.</summary>
    public string? CountryName(string? iso2) => iso2 is null ? null : _countryNames.GetValueOrDefault(iso2);

    /// <summary>All actor mentions in <paramref name="text"/>, longest match first, non-overlapping, in order.</summary>
    /// <remarks>Context-bound aliases (<c>~</c>/<c>@CC</c>) count when the document itself shows the country: a specific actor of it, or a country word from countries.tsv.</remarks>
    public IReadOnlyList<ActorMention> Find(AnalyzedText text) => Find(text, null);

    /// <summary>
    /// All actor mentions in <paramref name="text"/>, longest match first, non-overlapping, in order.
    /// <paramref name="contextCountries"/> (ISO2, e.g. from the geocoder) are added to the countries the text itself shows;
    /// they enable context-bound aliases (الانقلابيين → Houthis only with Yemen) and order each mention's candidates.
    /// </summary>
    public IReadOnlyList<ActorMention> Find(AnalyzedText text, IReadOnlyCollection<string>? contextCountries)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new HashSet<string>(contextCountries ?? [], StringComparer.Ordinal);
        foreach (var m in _countryWords.FindAll(text.Tokens))
        {
            context.UnionWith(m.Value);
        }

        // Country words alone: whether another country's context-bound reading of the same words is enabled.
        // (Loops rather than LINQ: this runs for every alias found; the lists hold one or two entries.)
        var wordContext = new HashSet<string>(context, StringComparer.Ordinal);
        var raw = new List<(PhraseMatch<IReadOnlyList<AliasPayload>> Match, List<ActorEntry> Strong, List<AliasPayload> Weak)>();
        foreach (var m in _matcher.FindAll(text.Tokens))
        {
            if (IsStopPhrase(m.Value))
            {
                continue; // a stop phrase: the words name no actor here.
            }

            // The usable payloads (article rule), split into entries named outright and context-bound readings.
            var hasArticle = MatchHasArticle(text, m);
            var strong = new List<ActorEntry>(1);
            var weak = new List<AliasPayload>();
            foreach (var p in m.Value)
            {
                if (p.Article is { } a && a != hasArticle)
                {
                    continue;
                }

                if (p.Contexts is null)
                {
                    AddDistinct(strong, p.Entry!);
                }
                else
                {
                    weak.Add(p);
                }
            }

            raw.Add((m, strong, weak));

            // The text shows a country when an unambiguous, country-bound actor is named: not when the same words
            // name another country's actor in a context the country words enable ("الجيش الوطني" with Libyan places).
            var country = OnlyHintedCountry(strong);
            if (country is not null && !OtherReading(weak, country, wordContext))
            {
                context.Add(country);
            }
        }

        var result = new List<ActorMention>(raw.Count);
        foreach (var (m, strong, weak) in raw)
        {
            var byContext = new List<ActorEntry>(0);
            foreach (var w in weak)
            {
                if (AnyIn(w.Contexts!, context))
                {
                    AddDistinct(byContext, w.Entry!);
                }
            }

            var candidates = new List<ActorEntry>(byContext.Count + strong.Count);
            candidates.AddRange(byContext);
            foreach (var e in strong)
            {
                if (!byContext.Contains(e))
                {
                    candidates.Add(e);
                }
            }

            if (candidates.Count == 0)
            {
                continue;
            }

            // Stable: entries of a context country first (AQAP in Yemen), then country-less entries whose
            // context-bound alias the context enabled (Al Qaeda), then other country-less ones (generic,
            // transnational), then entries of other countries.
            var ordered = candidates.Count == 1
                ? candidates
                : candidates
                    .OrderBy(e => e.Country is not null && context.Contains(e.Country) ? 0 : e.Country is null ? (byContext.Contains(e) ? 1 : 2) : 3)
                    .ToList();
            // Only when the text enabled no context-bound reading: the document's country then chooses among the
            // readings the text left open, it never overrides one the text's own context chose.
            var conditional = byContext.Count > 0 || weak.Count == 0 ? [] : ReadingsWithCountries(weak.Where(w => !ordered.Contains(w.Entry!)));
            var bound = weak.Count == 0 ? [] : ReadingsWithCountries(weak.Where(w => byContext.Contains(w.Entry!)));
            result.Add(new ActorMention(m.Span, m.FirstToken, m.EndToken, ordered[0])
            {
                Candidates = ordered,
                Bound = bound,
                Conditional = conditional,
                SharedAcrossCountries = HintsSeveralCountries(ordered),
            });
        }

        return result;
    }

    /// <summary>Whether the payloads of a match include a stop phrase (no entry): the words name no actor.</summary>
    private static bool IsStopPhrase(IReadOnlyList<AliasPayload> payloads)
    {
        foreach (var p in payloads)
        {
            if (p.Entry is null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds <paramref name="entry"/> unless an equal entry is there already (as LINQ's Distinct: first occurrence kept).</summary>
    private static void AddDistinct(List<ActorEntry> entries, ActorEntry entry)
    {
        if (!entries.Contains(entry))
        {
            entries.Add(entry);
        }
    }

    private static bool AnyIn(IReadOnlyList<string> countries, HashSet<string> set)
    {
        foreach (var c in countries)
        {
            if (set.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one country the entries hint at, when every entry gives a country hint and all name the same country; else null.</summary>
    private static string? OnlyHintedCountry(List<ActorEntry> entries)
    {
        string? country = null;
        foreach (var e in entries)
        {
            if (!e.GivesCountryHint || (country is not null && !string.Equals(country, e.Country, StringComparison.Ordinal)))
            {
                return null;
            }

            country = e.Country;
        }

        return country;
    }

    /// <summary>Whether a context-bound reading names an actor of a country other than <paramref name="country"/> in a context the country words enable.</summary>
    private static bool OtherReading(List<AliasPayload> weak, string country, HashSet<string> wordContext)
    {
        foreach (var w in weak)
        {
            if (w.Entry!.Country is { } c && !string.Equals(c, country, StringComparison.Ordinal) && AnyIn(w.Contexts!, wordContext))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the entries that give a country hint name more than one country.</summary>
    private static bool HintsSeveralCountries(List<ActorEntry> entries)
    {
        string? first = null;
        foreach (var e in entries)
        {
            if (!e.GivesCountryHint)
            {
                continue;
            }

            if (first is null)
            {
                first = e.Country;
            }
            else if (!string.Equals(first, e.Country, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Chooses the entry <paramref name="mention"/> names in a document about <paramref name="countryIso2"/> on
    /// <paramref name="date"/>: candidates valid on the date first, then those of the country, then country-less ones;
    /// without a date, open-ended (current) entries win over closed ones. A generic entry resolves to the country's own
    /// entry that declares it in its <c>generic</c> column ("الجيش" in Yemen → "Military Forces of Yemen (2012-)").
    /// </summary>
    public ActorEntry Resolve(ActorMention mention, string? countryIso2, DateOnly? date)
    {
        // Readings bound to the country the caller names join the candidates as that country's own
        // ("الجيش الوطني" in an event geocoded to Libya is the LNA even when the text names no Libyan place).
        var enabled = countryIso2 is null || mention.Conditional.Count == 0
            ? []
            : mention.Conditional.Where(c => c.Countries.Contains(countryIso2, StringComparer.Ordinal)).Select(c => c.Entry).ToList();
        var candidates = enabled.Count == 0 ? mention.Candidates : mention.Candidates.Concat(enabled).ToList();

        // An entry named through an alias bound to the country counts as that country's reading ("المدفعية@LB" is
        // Israel's artillery in a Lebanese event, before the generic army that would become Lebanon's).
        bool OfCountry(ActorEntry e) =>
            e.Country == countryIso2
            || enabled.Contains(e)
            || mention.Bound.Any(b => b.Entry == e && b.Countries.Contains(countryIso2!, StringComparer.Ordinal));
        var pick = candidates.Count == 1 ? candidates[0] : candidates
            .Select((e, i) => (Entry: e, Index: i))
            .OrderBy(x => date is { } d ? (x.Entry.IsValidOn(d) ? 0 : 1) : 0)
            .ThenBy(x => countryIso2 is null ? 0 : OfCountry(x.Entry) ? 0 : x.Entry.Country is null ? 1 : 2)
            .ThenBy(x => date is null && x.Entry.ValidTo is not null ? 1 : 0)
            .ThenBy(x => x.Index)
            .First().Entry;

        if (pick.IsGeneric && countryIso2 is not null && _specializations.TryGetValue(pick.Id, out var specials))
        {
            var special = specials
                .Where(s => (s.Country == countryIso2 || s.AlsoStandsInFor.Contains(countryIso2, StringComparer.Ordinal)) && (date is not { } d || s.IsValidOn(d)))
                .OrderBy(s => date is null && s.ValidTo is not null ? 1 : 0)
                .FirstOrDefault();
            if (special is not null)
            {
                return special;
            }
        }

        return pick;
    }

    /// <summary>
    /// ISO2 codes of the countries that the specific actors among <paramref name="mentions"/> belong to, strongest
    /// (most mentioned, then earliest) first. Generic actors, transnational ones and external forces (inter 8) give no hint.
    /// </summary>
    public IReadOnlyList<string> CountryHints(IReadOnlyList<ActorMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        for (var i = 0; i < mentions.Count; i++)
        {
            var actor = mentions[i].Actor;
            if (!actor.GivesCountryHint || mentions[i].SharedAcrossCountries)
            {
                continue;
            }

            counts[actor.Country!] = counts.TryGetValue(actor.Country!, out var c) ? (c.Count + 1, c.First) : (1, i);
        }

        return counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).Select(kv => kv.Key).ToList();
    }

    /// <summary>Context-bound readings grouped by entry, each with every country its matching aliases are bound to.</summary>
    private static List<(ActorEntry Entry, IReadOnlyList<string> Countries)> ReadingsWithCountries(IEnumerable<AliasPayload> readings) =>
        readings
            .GroupBy(w => w.Entry!)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.SelectMany(w => w.Contexts!).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();

    private static bool StartsWithArticle(string word) => word.Length > 2 && word.StartsWith("ال", StringComparison.Ordinal);

    /// <summary>Whether the matched first word carries the article: written ال, or لل (ل + ال) taken as proclitics.</summary>
    private static bool MatchHasArticle(AnalyzedText text, PhraseMatch<IReadOnlyList<AliasPayload>> m)
    {
        var token = text.Tokens[m.FirstToken].Text;
        return StartsWithArticle(token[m.PrefixLength..])
            || (m.PrefixLength >= 2 && token.AsSpan(m.PrefixLength - 2, 2).SequenceEqual("لل"));
    }
}
