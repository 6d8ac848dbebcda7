using System.Globalization;
using System.Text;
using Rasid.Data;

namespace Rasid.Places;

/// <summary>
/// A deterministic Arabic → Latin transliteration of place names (data/gazetteer/transliteration.tsv), for the English
/// columns when the gazetteer has no English name: longest rule first, word-initial and word-final rules before the
/// others, diacritics and tatweel dropped, each word capitalised.
/// </summary>
public sealed class Transliteration
{
    /// <summary>The data file, relative to the data folder.</summary>
    public const string Path = "gazetteer/transliteration.tsv";

    private readonly List<(string Arabic, string Latin, string Where)> _rules;

    private Transliteration(List<(string Arabic, string Latin, string Where)> rules, bool sorted = false)
    {
        // Longest first; among rules of one length the positional ones (initial, final) before "any".
        _rules = sorted ? rules : rules.OrderByDescending(r => r.Arabic.Length).ThenBy(r => r.Where == "any" ? 1 : 0).ToList();
    }

    /// <summary>A transliteration without rules: letters it has no rule for are dropped, so it yields only what is not Arabic.</summary>
    public static Transliteration Empty { get; } = new([]);

    /// <summary>Loads <see cref="Path"/> from <paramref name="data"/>; a missing file gives <see cref="Empty"/>.</summary>
    public static Transliteration Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Exists(Path))
        {
            return Empty;
        }

        var rules = new List<(string, string, string)>();
        foreach (var row in TsvReader.Read(data, Path))
        {
            var where = row["where"];
            if (where is not ("any" or "initial" or "final"))
            {
                throw new InvalidDataException($"{row.Location}: where must be any, initial or final, not '{where}'");
            }

            rules.Add((row["arabic"], row["latin"], where));
        }

        return new Transliteration(rules);
    }

    /// <summary>Writes the rules, in their order, to a gazetteer snapshot.</summary>
    internal void Write(CompiledWriter writer)
    {
        writer.Write(_rules.Count);
        foreach (var (arabic, latin, where) in _rules)
        {
            writer.Write(arabic);
            writer.Write(latin);
            writer.Write(where);
        }
    }

    /// <summary>The transliteration <see cref="Write"/> wrote.</summary>
    internal static Transliteration Read(CompiledReader reader)
    {
        var count = reader.ReadCount(12);
        var rules = new List<(string, string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            rules.Add((reader.ReadRequiredString(), reader.ReadRequiredString(), reader.ReadRequiredString()));
        }

        return new Transliteration(rules, sorted: true);
    }

    /// <summary>True when <paramref name="text"/> contains a letter of the Arabic script.</summary>
    public static bool HasArabic(string? text)
    {
        var s = text.AsSpan();
        return s.IndexOfAnyInRange('\u0600', '\u06FF') >= 0 || s.IndexOfAnyInRange('\u0750', '\u077F') >= 0
            || s.IndexOfAnyInRange('\u08A0', '\u08FF') >= 0 || s.IndexOfAnyInRange('\uFB50', '\uFDFF') >= 0
            || s.IndexOfAnyInRange('\uFE70', '\uFEFF') >= 0;
    }

    /// <summary>The Latin form of <paramref name="arabic"/>: "الغوطة الشرقية" → "Al-Ghuta Al-Sharqiya"; Latin text passes through.</summary>
    public string ToLatin(string arabic)
    {
        ArgumentNullException.ThrowIfNull(arabic);
        var words = arabic.Normalize(NormalizationForm.FormKC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(Word).Where(w => w.Length > 0));
    }

    private string Word(string word)
    {
        var letters = string.Concat(word.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c != '\u0640'));
        var sb = new StringBuilder();
        for (var i = 0; i < letters.Length;)
        {
            var rule = _rules.FirstOrDefault(r => string.CompareOrdinal(letters, i, r.Arabic, 0, r.Arabic.Length) == 0
                                                  && (r.Where != "initial" || i == 0)
                                                  && (r.Where != "final" || i + r.Arabic.Length == letters.Length));
            if (rule.Arabic is null)
            {
                if (!HasArabic(letters[i].ToString()))
                {
                    sb.Append(letters[i]);
                }

                i++;
                continue;
            }

            sb.Append(rule.Latin);
            i += rule.Arabic.Length;
        }

        // Capitalised at the start and after the article's hyphen ("al-ghuta" → "Al-Ghuta").
        var dash = sb.ToString().IndexOf('-', StringComparison.Ordinal);
        foreach (var i in new[] { 0, dash + 1 })
        {
            if (i < sb.Length && (i == 0 || dash > 0))
            {
                sb[i] = char.ToUpperInvariant(sb[i]);
            }
        }

        return sb.ToString();
    }
}
