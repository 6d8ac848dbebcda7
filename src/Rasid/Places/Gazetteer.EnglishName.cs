using Rasid.Text;

namespace Rasid.Places;

/// <summary>English names for the output's English columns.</summary>
public sealed partial class Gazetteer
{
    /// <summary>The transliteration of names the gazetteer knows only in Arabic (data/gazetteer/transliteration.tsv).</summary>
    public Transliteration Transliteration { get; private set; } = Transliteration.Empty;

    /// <summary>
    /// The English name of <paramref name="place"/>, never Arabic script: its own English name; when the source gave only
    /// an Arabic one (a city filed as "حلب"), the English name of an enclosing admin unit of the same Arabic name (Aleppo);
    /// else a transliteration.
    /// </summary>
    /// <param name="place">The place.</param>
    /// <param name="units">Its admin units, innermost first (nulls are skipped).</param>
    internal string EnglishName(GazetteerPlace place, params AdminUnit?[] units)
    {
        if (!Transliteration.HasArabic(place.NameEn))
        {
            return place.NameEn;
        }

        var key = Key(place.NameEn);
        foreach (var unit in units)
        {
            if (unit is not null && !Transliteration.HasArabic(unit.NameEn) && Key(unit.NameAr) == key)
            {
                return unit.NameEn;
            }
        }

        if (CountryPlace(place.Country) is { } country && !Transliteration.HasArabic(country.NameEn) && Key(country.NameAr) == key)
        {
            return country.NameEn;
        }

        return Transliteration.ToLatin(place.NameEn);
    }

    /// <summary>A name compared without the article of its words (حماه and حماة, الرقة and رقة are one).</summary>
    private static string Key(string? name) =>
        string.Join(' ', ArabicNormalizer.NormalizeKey(name ?? string.Empty).Split(' ').Select(w => w.StartsWith("ال", StringComparison.Ordinal) && w.Length > 3 ? w[2..] : w));
}
