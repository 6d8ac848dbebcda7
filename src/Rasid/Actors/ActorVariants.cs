using Rasid.Data;
using Rasid.Text;


namespace Rasid.Actors;

/// <summary>
/// Word-variant classes from <c>data/actors/variants.tsv</c>, expanded when aliases are loaded so authors need not
/// list every spelling or inflection. Each row makes one family of interchangeable word forms:
/// <c>same</c> lists the forms outright (ميليشيا|مليشيا|ميليشيات…);
/// <c>nisba</c> lists adjectives in ـي and adds ـية ـيون ـيين ـيان ـيا (the last after numbers: ٢٠ حوثيا);
/// <c>plural</c> lists nouns and adds ـون ـين ـان (plural, dual), ـو ـي (construct: مسلحو، مسلحي) and ـا (٣٣ مسلحا).
/// Only listed words inflect, so no form is generated for a word nobody asked about.
/// </summary>
public sealed class ActorVariants
{
    /// <summary>Most phrase forms one alias may expand to; beyond it the remaining combinations are dropped.</summary>
    public const int MaxFormsPerAlias = 512;

    private static readonly string[] s_nisbaEndings = ["", "ة", "ون", "ين", "ان", "ا"];
    private static readonly string[] s_pluralEndings = ["", "ون", "ين", "ان", "و", "ي", "ا"];

    private readonly Dictionary<string, List<string>> _families = new(StringComparer.Ordinal);

    /// <summary>An empty set of variant classes (aliases expand to themselves).</summary>
    public static ActorVariants Empty { get; } = new();

    /// <summary>Number of word forms that belong to some family.</summary>
    public int FormCount => _families.Count;

    /// <summary>Reads variant rows (columns <c>kind</c>, <c>forms</c>, <c>note</c>); problems go to <paramref name="diagnostics"/>.</summary>
    public static ActorVariants FromRows(IEnumerable<TsvRow> rows, ICollection<ActorDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var variants = new ActorVariants();
        foreach (var row in rows)
        {
            var forms = row.List("forms");
            if (forms.Count == 0)
            {
                diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.BadSupportRow, row.Location, "variant row has no forms"));
                continue;
            }

            switch (row["kind"])
            {
                case "same":
                    variants.AddFamily(forms);
                    break;
                case "nisba":
                    foreach (var f in forms)
                    {
                        var stem = ArabicNormalizer.NormalizeKey(f);
                        if (!stem.EndsWith('ي'))
                        {
                            diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.BadSupportRow, row.Location, $"nisba form '{f}' does not end in ي"));
                            continue;
                        }

                        variants.AddFamily(s_nisbaEndings.Select(e => stem + e).ToList());
                    }

                    break;
                case "plural":
                    foreach (var f in forms)
                    {
                        var stem = ArabicNormalizer.NormalizeKey(f);
                        variants.AddFamily(s_pluralEndings.Select(e => stem + e).ToList());
                    }

                    break;
                default:
                    diagnostics.Add(new ActorDiagnostic(ActorDiagnosticCodes.BadSupportRow, row.Location, $"unknown variant kind '{row["kind"]}' (use same, nisba or plural)"));
                    break;
            }
        }

        return variants;
    }

    /// <summary>The forms of one word: its family when it belongs to one, else just the word itself.</summary>
    public IReadOnlyList<string> FormsOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var normalized = ArabicNormalizer.NormalizeKey(word);
        return _families.TryGetValue(Key(normalized), out var family) ? family : [normalized];
    }

    /// <summary>
    /// Every phrase form of <paramref name="alias"/>: each word replaced by each form of its family
    /// (at most <see cref="MaxFormsPerAlias"/>), the written form first.
    /// </summary>
    public IReadOnlyList<string> Expand(string alias)
    {
        ArgumentNullException.ThrowIfNull(alias);
        var words = ArabicNormalizer.NormalizeKey(alias).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var results = new List<string> { string.Join(' ', words) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { results[0] };
        IEnumerable<string> partial = [string.Empty];
        foreach (var w in words)
        {
            var forms = FormsOf(w);
            var current = partial;
            partial = current.SelectMany(p => forms.Select(f => p.Length == 0 ? f : p + " " + f));
        }

        foreach (var p in partial)
        {
            if (results.Count >= MaxFormsPerAlias)
            {
                break;
            }

            if (seen.Add(p))
            {
                results.Add(p);
            }
        }

        return results;
    }

    private static string Key(string normalizedWord) => CliticSegmenter.ArticleFreeKey(normalizedWord);

    private void AddFamily(IReadOnlyList<string> forms)
    {
        var normalized = forms.Select(ArabicNormalizer.NormalizeKey).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var f in normalized)
        {
            var key = Key(f);
            if (_families.TryGetValue(key, out var existing))
            {
                // A word listed in two rows joins both families: merge them so expansion stays symmetric.
                foreach (var g in normalized)
                {
                    if (!existing.Contains(g, StringComparer.Ordinal))
                    {
                        existing.Add(g);
                    }
                }

                foreach (var g in existing)
                {
                    _families[Key(g)] = existing;
                }

                return;
            }
        }

        var family = new List<string>(normalized);
        foreach (var f in normalized)
        {
            _families[Key(f)] = family;
        }
    }
}
