using System.Globalization;
using System.Text;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Actors;

/// <summary>
/// The actor stage's data, loaded and checked: every actor file of data/actors/ (entries, aliases expanded by
/// variants.tsv), stop phrases and country words. Every problem is collected with its file and line; then one
/// <see cref="ActorDataException"/> lists them all.
/// </summary>
internal sealed partial class ActorLexicon
{
    private static readonly string[] s_requiredColumns = ["id", "name", "name_ar", "inter", "country", "aliases", "valid_from", "valid_to", "note"];

    private ActorLexicon(IReadOnlyList<ActorEntry> entries, PhraseMatcher<AliasPayload> aliases, PhraseMatcher<string> countryWords, Dictionary<string, string> countryNames)
    {
        Entries = entries;
        Aliases = aliases;
        CountryWords = countryWords;
        CountryNames = countryNames;
    }

    /// <summary>All entries, in file order (files sorted by name).</summary>
    public IReadOnlyList<ActorEntry> Entries { get; }

    /// <summary>Every alias form (after variant expansion) with its entry, and the stop phrases.</summary>
    public PhraseMatcher<AliasPayload> Aliases { get; }

    /// <summary>Country names and context words by ISO2.</summary>
    public PhraseMatcher<string> CountryWords { get; }

    /// <summary>Country names by ISO2.</summary>
    public Dictionary<string, string> CountryNames { get; }

    /// <summary>
    /// Loads every actor file from <paramref name="data"/> (folder <see cref="ActorDictionary.Folder"/>), from its compiled
    /// snapshot while the files and the code are unchanged (<see cref="CompiledData"/>; written only for data without problems).
    /// </summary>
    /// <exception cref="ActorDataException">The data has at least one problem.</exception>
    public static ActorLexicon Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CompiledData.Load(data, "actors", data.List(ActorDictionary.Folder, ".tsv"), () => Parse(data).Compile(), Open);
    }

    /// <summary>Reads and checks every actor file: the text path of <see cref="Load"/>.</summary>
    /// <exception cref="ActorDataException">The data has at least one problem.</exception>
    internal static ActorLexicon Parse(IDataSource data)
    {
        var diagnostics = new List<ActorDiagnostic>();

        var variants = data.Exists(ActorDictionary.Folder + "/variants.tsv")
            ? ActorVariants.FromRows(TsvReader.Read(data, ActorDictionary.Folder + "/variants.tsv"), diagnostics)
            : ActorVariants.Empty;

        var entries = new List<ActorEntry>();
        foreach (var path in data.List(ActorDictionary.Folder, ".tsv"))
        {
            var fileName = path[(path.LastIndexOf('/') + 1)..];
            if (ActorDictionary.SupportFiles.Contains(fileName, StringComparer.Ordinal))
            {
                continue;
            }

            ReadActorFile(data, path, entries, diagnostics);
        }

        CheckIds(entries, diagnostics);
        var matcher = new PhraseMatcher<AliasPayload>();
        CheckAndIndexAliases(entries, variants, matcher, diagnostics);

        if (data.Exists(ActorDictionary.Folder + "/stop_phrases.tsv"))
        {
            foreach (var row in TsvReader.Read(data, ActorDictionary.Folder + "/stop_phrases.tsv"))
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
        if (data.Exists(ActorDictionary.Folder + "/countries.tsv"))
        {
            foreach (var row in TsvReader.Read(data, ActorDictionary.Folder + "/countries.tsv"))
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

        return new ActorLexicon(entries, matcher, countryWords, countryNames);
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
            Specializes = row.Optional("generic")?.Split('@')[0],
            AlsoStandsInFor = row.Optional("generic") is { } generic && generic.IndexOf('@', StringComparison.Ordinal) is var standsAt and >= 0
                ? generic[(standsAt + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [],
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

    // Two unconditional claims clash; so do two context-bound claims sharing a country. A context-bound alias next
    // to an unconditional one is an override (AQIM's القاعدة in Mali over Al Qaeda's), not a clash.
    private static bool ContextsIntersect(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        (a is null && b is null) || (a is not null && b is not null && a.Any(x => b.Contains(x, StringComparer.Ordinal)));

    private static bool RangesOverlap(ActorEntry a, ActorEntry b) =>
        (a.ValidFrom ?? DateOnly.MinValue) <= (b.ValidTo ?? DateOnly.MaxValue)
        && (b.ValidFrom ?? DateOnly.MinValue) <= (a.ValidTo ?? DateOnly.MaxValue);
}

/// <summary>What the phrase matcher stores per alias form: the entry (null for a stop phrase) and the countries the alias needs.</summary>
/// <param name="Entry">The entry, or null for a stop phrase.</param>
/// <param name="Contexts">Countries one of which the document must show, or null when the alias always counts.</param>
/// <param name="Article">For '=' aliases: whether the first word must carry the article; null when either way matches.</param>
internal sealed record AliasPayload(ActorEntry? Entry, IReadOnlyList<string>? Contexts, bool? Article)
{
    public static readonly AliasPayload Stop = new(null, null, null);
}
