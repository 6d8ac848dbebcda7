using System.Text;

namespace Rasid.Text;

/// <summary>
/// Folds Arabic text for matching while keeping an offset map to the original:
/// removes diacritics, tatweel, Quranic marks, bidi and zero-width controls; unifies alef forms (أ إ آ ٱ → ا),
/// alef maqsura (ى → ي) and teh marbuta (ة → ه); folds Arabic-Indic and Persian digits to 0-9 and Persian
/// yeh/keheh to Arabic letters; expands presentation-form ligatures (ﻻ → لا).
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>Normalises <paramref name="text"/> and returns the folded text with its offset map.</summary>
    public static NormalizedText Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Output never grows beyond the input except for presentation-form ligatures, which are rare; the buffers
        // grow on demand then. The maps may be longer than the text: NormalizedText only reads below Text.Length.
        var buffer = new char[text.Length];
        int[]? starts = new int[text.Length];
        var count = Fold(text, ref buffer, ref starts);
        return new NormalizedText(text, new string(buffer, 0, count), starts!);
    }

    /// <summary>
    /// Writes the normalised form of <paramref name="text"/> (as <see cref="Normalize"/>'s text) into
    /// <paramref name="buffer"/>, which is replaced by a larger one when too short, and returns its length. No offset map
    /// and no string: for callers that fold many short pieces with one buffer.
    /// </summary>
    internal static int NormalizeInto(ReadOnlySpan<char> text, ref char[] buffer)
    {
        int[]? noMap = null;
        return Fold(text, ref buffer, ref noMap);
    }

    /// <summary>The normalising loop; <paramref name="starts"/> (the offset map) is filled when not null.</summary>
    private static int Fold(ReadOnlySpan<char> text, ref char[] buffer, ref int[]? starts)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00A0' && count < buffer.Length)
            {
                // ASCII and C1 controls: nothing to fold (the common case in digits, Latin and punctuation).
                buffer[count] = c;
                if (starts is not null)
                {
                    starts[count] = i;
                }

                count++;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Grow(ref buffer, ref starts, count + 2);
                buffer[count] = c;
                buffer[count + 1] = text[i + 1];
                if (starts is not null)
                {
                    starts[count] = starts[count + 1] = i;
                }

                count += 2;
                i++;
                continue;
            }

            if (IsRemoved(c))
            {
                continue;
            }

            if (IsPresentationForm(c))
            {
                var expanded = c.ToString().Normalize(NormalizationForm.FormKC);
                foreach (var e in expanded)
                {
                    if (IsRemoved(e))
                    {
                        continue;
                    }

                    Grow(ref buffer, ref starts, count + 1);

                    buffer[count] = FoldChar(e);
                    if (starts is not null)
                    {
                        starts[count] = i;
                    }

                    count++;
                }

                continue;
            }

            Grow(ref buffer, ref starts, count + 1);

            buffer[count] = FoldChar(c);
            if (starts is not null)
            {
                starts[count] = i;
            }

            count++;
        }

        return count;
    }

    private static void Grow(ref char[] buffer, ref int[]? starts, int needed)
    {
        if (needed <= buffer.Length)
        {
            return;
        }

        var size = Math.Max(Math.Max(16, needed), buffer.Length * 2);
        Array.Resize(ref buffer, size);
        if (starts is not null)
        {
            Array.Resize(ref starts, size);
        }
    }

    /// <summary>
    /// Normalises a short key (a lexicon entry, a gazetteer name) to the same folded form as <see cref="Normalize"/>,
    /// with runs of white space collapsed to one space and the ends trimmed.
    /// </summary>
    public static string NormalizeKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Whitespace.Collapse(Normalize(text).Text);
    }

    /// <summary>True for characters dropped entirely: harakat, Quranic marks, tatweel, bidi and zero-width controls.</summary>
    public static bool IsRemoved(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' => true, // harakat, shadda, sukun, extended marks
        '\u0670' => true,                    // superscript alef
        >= '\u0610' and <= '\u061A' => true, // honorific and Quranic signs
        >= '\u06D6' and <= '\u06DC' => true,
        >= '\u06DF' and <= '\u06E4' => true,
        '\u06E7' or '\u06E8' => true,
        >= '\u06EA' and <= '\u06ED' => true,
        '\u0640' => true,                    // tatweel
        '\u061C' => true,                    // Arabic letter mark
        >= '\u200B' and <= '\u200F' => true, // zero-width space/joiners, LRM, RLM
        >= '\u202A' and <= '\u202E' => true, // bidi embeddings and overrides
        >= '\u2066' and <= '\u2069' => true, // bidi isolates
        '\uFEFF' => true,                    // BOM / zero-width no-break space
        '\u00AD' => true,                    // soft hyphen
        _ => false,
    };

    private static bool IsPresentationForm(char c) => c is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC');

    /// <summary>Folds one character (alef forms, yeh, teh marbuta, digits, Persian letters, NBSP).</summary>
    public static char FoldChar(char c) => c switch
    {
        'أ' or 'إ' or 'آ' or 'ٱ' or '\u0672' or '\u0673' => 'ا',
        'ى' or 'ی' or 'ې' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        'ۀ' or 'ہ' or 'ە' or 'ھ' => 'ه',
        >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
        >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
        '\u066B' => '.', // Arabic decimal separator
        '\u066C' => ',', // Arabic thousands separator
        '\u00A0' or '\u2007' or '\u202F' => ' ',
        _ => c,
    };
}
