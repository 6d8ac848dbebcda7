using System.Globalization;
using System.Text;
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

    private static readonly string[] s_requiredColumns = ["id", "name", "name_ar", "inter", "country", "aliases", "valid_from", "valid_to", "note"];

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
        var diagnostics = new List<ActorDiagnostic>();

        var variants = data.Exists(Folder + "/variants.tsv")
            ? ActorVariants.FromRows(TsvReader.Read(data, Folder + "/variants.tsv"), diagnostics)
            : ActorVariants.Empty;

        var entries = new List<ActorEntry>();
        foreach (var path in data.List(Folder, ".tsv"))
        {
            var fileName = path[(path.LastIndexOf('/') + 1)..];
            if (SupportFiles.Contains(fileName, StringComparer.Ordinal))
            {
                continue;
            }

            ReadActorFile(data, path, entries, diagnostics);
        }

        CheckIds(entries, diagnostics);
        var matcher = new PhraseMatcher<AliasPayload>();
        CheckAndIndexAliases(entries, variants, matcher, diagnostics);

        if (data.Exists(Folder + "/stop_phrases.tsv"))
        {
            foreach (var row in TsvReader.Read(data, Folder + "/stop_phrases.tsv"))
            {
                var phrase = row["phrase"];
                if (phrase.Length == 0)
                {
                    diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.BadSupportRow, row.Location, "stop phrase row has an empty 'phrase'"));
                    continue;
                }

                foreach (var form in variants.Expand(phrase))
                {
                    matcher.Add(form, AliasPayload.Stop);
                }
            }
        }

        var countryWords = new PhraseMatcher<string>();
        var countryNames = new Dictionary<string, string>(StringComparer.Ordinal);
        if (data.Exists(Folder + "/countries.tsv"))
        {
            foreach (var row in TsvReader.Read(data, Folder + "/countries.tsv"))
            {
                var iso = row["iso2"];
                if (!IsIso2(iso) || row["name"].Length == 0)
                {
                    diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.BadSupportRow, row.Location, $"country row needs an ISO2 code and a name (got '{iso}')"));
                    continue;
                }

                countryNames[iso] = row["name"];
                foreach (var word in row.List("words"))
                {
                    foreach (var form in variants.Expand(word))
                    {
                        countryWords.Add(form, iso);
                    }
                }
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new ActorDataException(diagnostics);
        }

        return new ActorDictionary(entries, matcher, countryWords, countryNames);
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

        var raw = new List<(PhraseMatch<IReadOnlyList<AliasPayload>> Match, List<ActorEntry> Strong, List<AliasPayload> Weak)>();
        foreach (var m in _matcher.FindAll(text.Tokens))
        {
            if (m.Value.Any(p => p.Entry is null))
            {
                continue; // a stop phrase: the words name no actor here.
            }

            var hasArticle = MatchHasArticle(text, m);
            var usable = m.Value.Where(p => p.Article is not { } a || a == hasArticle).ToList();
            var strong = usable.Where(p => p.Contexts is null).Select(p => p.Entry!).Distinct().ToList();
            var weak = usable.Where(p => p.Contexts is not null).ToList();
            raw.Add((m, strong, weak));

            // The text shows a country when an unambiguous, country-bound actor is named.
            var countries = strong.Where(e => e.GivesCountryHint).Select(e => e.Country!).Distinct(StringComparer.Ordinal).ToList();
            if (countries.Count == 1 && strong.All(e => e.GivesCountryHint))
            {
                context.Add(countries[0]);
            }
        }

        var result = new List<ActorMention>(raw.Count);
        foreach (var (m, strong, weak) in raw)
        {
            var byContext = weak.Where(w => w.Contexts!.Any(context.Contains)).Select(w => w.Entry!).Distinct().ToList();
            var candidates = byContext.Concat(strong.Where(e => !byContext.Contains(e))).ToList();
            if (candidates.Count == 0)
            {
                continue;
            }

            // Stable: entries of a context country first (AQAP in Yemen), then country-less entries whose
            // context-bound alias the context enabled (Al Qaeda), then other country-less ones (generic,
            // transnational), then entries of other countries.
            var ordered = candidates
                .OrderBy(e => e.Country is not null && context.Contains(e.Country) ? 0 : e.Country is null ? (byContext.Contains(e) ? 1 : 2) : 3)
                .ToList();
            result.Add(new ActorMention(m.Span, m.FirstToken, m.EndToken, ordered[0]) { Candidates = ordered });
        }

        return result;
    }

    /// <summary>
    /// Chooses the entry <paramref name="mention"/> names in a document about <paramref name="countryIso2"/> on
    /// <paramref name="date"/>: candidates valid on the date first, then those of the country, then country-less ones;
    /// without a date, open-ended (current) entries win over closed ones. A generic entry resolves to the country's own
    /// entry that declares it in its <c>generic</c> column ("الجيش" in Yemen → "Military Forces of Yemen (2012-)").
    /// </summary>
    public ActorEntry Resolve(ActorMention mention, string? countryIso2, DateOnly? date)
    {
        var candidates = mention.Candidates;
        var pick = candidates
            .Select((e, i) => (Entry: e, Index: i))
            .OrderBy(x => date is { } d ? (x.Entry.IsValidOn(d) ? 0 : 1) : 0)
            .ThenBy(x => countryIso2 is null ? 0 : x.Entry.Country == countryIso2 ? 0 : x.Entry.Country is null ? 1 : 2)
            .ThenBy(x => date is null && x.Entry.ValidTo is not null ? 1 : 0)
            .ThenBy(x => x.Index)
            .First().Entry;

        if (pick.IsGeneric && countryIso2 is not null && _specializations.TryGetValue(pick.Id, out var specials))
        {
            var special = specials
                .Where(s => s.Country == countryIso2 && (date is not { } d || s.IsValidOn(d)))
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
            if (!actor.GivesCountryHint)
            {
                continue;
            }

            counts[actor.Country!] = counts.TryGetValue(actor.Country!, out var c) ? (c.Count + 1, c.First) : (1, i);
        }

        return counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.First).Select(kv => kv.Key).ToList();
    }

    private static void ReadActorFile(IDataSource data, string path, List<ActorEntry> entries, List<ActorDiagnostic> diagnostics)
    {
        string? header;
        using (var reader = new StreamReader(data.Open(path), Encoding.UTF8))
        {
            header = ReadHeader(reader);
        }

        if (header is null)
        {
            return; // an empty or comment-only file adds nothing.
        }

        var columns = header.Split('\t').Select(c => c.Trim()).ToHashSet(StringComparer.Ordinal);
        var missing = s_requiredColumns.Where(c => !columns.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.MissingColumn, path, "missing column(s): " + string.Join(", ", missing)));
            return;
        }

        foreach (var row in TsvReader.Read(data, path))
        {
            var entry = ReadEntry(row, diagnostics);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
    }

    private static string? ReadHeader(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
            {
                return line;
            }
        }

        return null;
    }

    private static ActorEntry? ReadEntry(TsvRow row, List<ActorDiagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        void Report(string code, string message) => diagnostics.Add(new ActorDiagnostic(code, row.Location, message));

        foreach (var column in (string[])["id", "name", "name_ar"])
        {
            if (row[column].Length == 0)
            {
                Report(ActorDiagnosticCodes.EmptyField, $"'{column}' is empty");
            }
        }

        if (!int.TryParse(row["inter"], NumberStyles.None, CultureInfo.InvariantCulture, out var inter) || inter is < 1 or > 8)
        {
            Report(ActorDiagnosticCodes.BadInter, $"inter '{row["inter"]}' is not a code from 1 to 8");
        }

        var country = row.Optional("country");
        if (country is not null && !IsIso2(country))
        {
            Report(ActorDiagnosticCodes.BadCountry, $"country '{country}' is not an upper-case ISO 3166-1 alpha-2 code");
        }

        var from = ParseDate(row, "valid_from", Report);
        var to = ParseDate(row, "valid_to", Report);
        if (from is not null && to is not null && from > to)
        {
            Report(ActorDiagnosticCodes.InvertedRange, $"valid_from {from:yyyy-MM-dd} is after valid_to {to:yyyy-MM-dd}");
        }

        var isGeneric = row["name"].Contains("{country}", StringComparison.Ordinal);
        if (isGeneric && country is not null)
        {
            Report(ActorDiagnosticCodes.GenericWithCountry, "a '{country}' template entry must leave 'country' empty");
        }

        var aliases = new List<string>();
        var contexts = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var exact = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in row.List("aliases"))
        {
            var alias = cell;
            List<string>? required = null;
            var exactArticle = false;
            var bad = false;
            while (alias.Length > 0 && alias[0] is '~' or '=')
            {
                if (alias[0] == '=')
                {
                    exactArticle = true;
                }
                else if (country is null)
                {
                    Report(ActorDiagnosticCodes.BadAliasContext, $"alias '{cell}': '~' needs the entry's country; write alias@CC instead");
                    bad = true;
                }
                else
                {
                    required = [country];
                }

                alias = alias[1..].Trim();
            }

            if (bad)
            {
                continue;
            }

            var at = alias.IndexOf('@', StringComparison.Ordinal);
            if (at >= 0)
            {
                var codes = alias[(at + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                alias = alias[..at].Trim();
                if (codes.Length == 0 || !codes.All(IsIso2))
                {
                    Report(ActorDiagnosticCodes.BadAliasContext, $"alias '{cell}': '@' must be followed by ISO2 codes separated by commas");
                    continue;
                }

                required = [.. required ?? [], .. codes];
            }

            if (ArabicNormalizer.NormalizeKey(alias).Length == 0)
            {
                Report(ActorDiagnosticCodes.BadAliasContext, $"alias '{cell}' has no words");
                continue;
            }

            aliases.Add(alias);
            if (exactArticle)
            {
                exact.Add(alias);
            }

            if (required is not null)
            {
                contexts[alias] = required.Distinct(StringComparer.Ordinal).ToList();
            }
        }

        if (aliases.Count == 0 && diagnostics.Count == before)
        {
            Report(ActorDiagnosticCodes.NoAliases, "the entry lists no alias");
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        return new ActorEntry
        {
            Id = row["id"],
            Name = row["name"],
            NameAr = row["name_ar"],
            Inter = inter,
            Country = country,
            Aliases = aliases,
            AliasContexts = contexts,
            ExactArticleAliases = exact,
            ValidFrom = from,
            ValidTo = to,
            Specializes = row.Optional("generic"),
            Note = row.Optional("note"),
            Source = row.Location,
        };
    }

    private static DateOnly? ParseDate(TsvRow row, string column, Action<string, string> report)
    {
        var cell = row.Optional(column);
        if (cell is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        report(ActorDiagnosticCodes.BadDate, $"{column} '{cell}' is not an ISO date (yyyy-MM-dd)");
        return null;
    }

    private static bool IsIso2(string code) => code.Length == 2 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]);

    private static void CheckIds(List<ActorEntry> entries, List<ActorDiagnostic> diagnostics)
    {
        var seen = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var keep = new List<ActorEntry>(entries.Count);
        foreach (var e in entries)
        {
            if (seen.TryGetValue(e.Id, out var first))
            {
                diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.DuplicateId, e.Source ?? "?", $"id '{e.Id}' is already used at {first.Source}"));
                continue;
            }

            seen[e.Id] = e;
            keep.Add(e);
        }

        entries.Clear();
        entries.AddRange(keep);

        foreach (var e in entries.Where(e => e.Specializes is not null))
        {
            if (!seen.TryGetValue(e.Specializes!, out var generic) || !generic.IsGeneric)
            {
                diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.BadGenericReference, e.Source ?? "?", $"generic '{e.Specializes}' is not the id of a '{{country}}' entry"));
            }
            else if (e.Country is null)
            {
                diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.BadGenericReference, e.Source ?? "?", "an entry that stands in for a generic one needs a country"));
            }
        }
    }

    private static void CheckAndIndexAliases(List<ActorEntry> entries, ActorVariants variants, PhraseMatcher<AliasPayload> matcher, List<ActorDiagnostic> diagnostics)
    {
        // Phrase key (article-free words) → entries claiming it, to find same-country conflicts.
        var claims = new Dictionary<string, List<(ActorEntry Entry, IReadOnlyList<string>? Contexts, string Alias)>>(StringComparer.Ordinal);
        var reported = new HashSet<(string, string)>();
        foreach (var e in entries)
        {
            foreach (var alias in e.Aliases)
            {
                var contexts = e.AliasContexts.GetValueOrDefault(alias);
                var exact = e.ExactArticleAliases.Contains(alias);
                foreach (var form in variants.Expand(alias))
                {
                    matcher.Add(form, new AliasPayload(e, contexts, exact ? StartsWithArticle(form) : null));
                    var key = string.Join(' ', form.Split(' ').Select(CliticSegmenter.ArticleFreeKey));
                    if (!claims.TryGetValue(key, out var list))
                    {
                        list = [];
                        claims[key] = list;
                    }

                    foreach (var (other, otherContexts, otherAlias) in list)
                    {
                        if (other == e || other.Country != e.Country || !ContextsIntersect(contexts, otherContexts) || !reported.Add((other.Id, e.Id)))
                        {
                            continue;
                        }

                        var bounded = e.ValidFrom is not null || e.ValidTo is not null || other.ValidFrom is not null || other.ValidTo is not null;
                        if (!bounded)
                        {
                            diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.AliasConflict, e.Source ?? "?",
                                $"alias '{alias}' (as '{form}') is also claimed by '{other.Id}' ({other.Source}, alias '{otherAlias}') in the same country with no validity split"));
                        }
                        else if (RangesOverlap(e, other))
                        {
                            diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.OverlappingValidity, e.Source ?? "?",
                                $"alias '{alias}' is shared with '{other.Id}' ({other.Source}) and their validity ranges overlap"));
                        }
                    }

                    if (!list.Exists(c => c.Entry == e))
                    {
                        list.Add((e, contexts, alias));
                    }
                }
            }
        }
    }

    private static bool StartsWithArticle(string word) => word.Length > 2 && word.StartsWith("ال", StringComparison.Ordinal);

    /// <summary>Whether the matched first word carries the article: written ال, or لل (ل + ال) taken as proclitics.</summary>
    private static bool MatchHasArticle(AnalyzedText text, PhraseMatch<IReadOnlyList<AliasPayload>> m)
    {
        var token = text.Tokens[m.FirstToken].Text;
        return StartsWithArticle(token[m.PrefixLength..])
            || (m.PrefixLength >= 2 && token.AsSpan(m.PrefixLength - 2, 2).SequenceEqual("لل"));
    }

    // Two unconditional claims clash; so do two context-bound claims sharing a country. A context-bound alias next
    // to an unconditional one is an override (AQIM's القاعدة in Mali over Al Qaeda's), not a clash.
    private static bool ContextsIntersect(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a is null && b is null) || (a is not null && b is not null && a.Any(x => b.Contains(x, StringComparer.Ordinal)));

    private static bool RangesOverlap(ActorEntry a, ActorEntry b) =>
        (a.ValidFrom ?? DateOnly.MinValue) <= (b.ValidTo ?? DateOnly.MaxValue)
        && (b.ValidFrom ?? DateOnly.MinValue) <= (a.ValidTo ?? DateOnly.MaxValue);

    /// <summary>What the phrase matcher stores per alias form: the entry (null for a stop phrase) and the countries the alias needs.</summary>
    /// <param name="Entry">The entry, or null for a stop phrase.</param>
    /// <param name="Contexts">Countries one of which the document must show, or null when the alias always counts.</param>
    /// <param name="Article">For '=' aliases: whether the first word must carry the article; null when either way matches.</param>
    private sealed record AliasPayload(ActorEntry? Entry, IReadOnlyList<string>? Contexts, bool? Article)
    {
        public static readonly AliasPayload Stop = new(null, null, null);
    }
}
