using System.Globalization;
using Role = Rasid.Numbers.NumberRole;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Numbers;

/// <summary>
/// Finds counts in analysed text: digits (1,500; 3.5 is truncated to 3 unless a scale word follows: "3.5 مليون"),
/// cardinal number words in every gender and case with compounds ("ثلاثة وعشرون"، "مئة وخمسون"، "ثلاثة آلاف"، "2 مليون"),
/// proclitics on the first word (وثلاثة، بخمسة، لعشرة), vague quantities (عشرات = 10, مئات = 100, آلاف = 1000,
/// عدة/عدد من/بضعة = 3), minimums ("12 على الأقل", "أكثر من 12" → <see cref="NumberKind.AtLeast"/>) and ranges
/// ("10 إلى 15", "بين 10 و15", "10-15", "اثنين أو ثلاثة" → the lower bound). Word lists live in data/numbers/.
/// </summary>
/// <remarks>
/// Numbers that are not counts are <b>left out</b> of the result rather than flagged: digits inside a date expression
/// the caller passes as token ranges to skip (the date stage's mentions: "11 مايو 2022", "2022-05-11"), years ("عام 2019", "2022م", any 4-digit
/// 1900-2100 next to a month), times ("الساعة 10"), percentages ("10%", "10 بالمئة") and numbers after words such as
/// "رقم" (data/numbers/excluded-context.tsv).
/// </remarks>
public sealed class NumberRecognizer
{
    private readonly Dictionary<string, (long Value, Role Role)> _cardinals;
    private readonly Dictionary<string, (long Value, Role Role)>.AlternateLookup<ReadOnlySpan<char>> _cardinalsBySpan;
    private readonly WordSequenceLexicon<(long Value, bool AloneOnly)> _vague;
    private readonly WordSequenceLexicon<bool> _before;
    private readonly WordSequenceLexicon<bool> _after;
    private readonly WordSequenceLexicon<bool> _excludedBefore;
    private readonly WordSequenceLexicon<bool> _excludedAfter;
    private readonly HashSet<string> _rangeLinks;
    private readonly HashSet<string> _rangeOpeners;

    private NumberRecognizer(NumberLexicon lexicon)
    {
        _cardinals = lexicon.Cardinals;
        _cardinalsBySpan = lexicon.Cardinals.GetAlternateLookup<ReadOnlySpan<char>>();
        _vague = lexicon.Vague;
        _before = lexicon.Before;
        _after = lexicon.After;
        _excludedBefore = lexicon.ExcludedBefore;
        _excludedAfter = lexicon.ExcludedAfter;
        _rangeLinks = lexicon.RangeLinks;
        _rangeOpeners = lexicon.RangeOpeners;
    }

    /// <summary>Loads the number word lists (data/numbers/).</summary>
    public static NumberRecognizer Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new NumberRecognizer(NumberLexicon.Load(data));
    }

    /// <summary>
    /// All counts in <paramref name="text"/>, in order, never overlapping (see the class remarks for what is left out);
    /// tokens inside <paramref name="skip"/> (the document's date expressions) are never read as counts.
    /// </summary>
    public IReadOnlyList<NumberMention> Find(AnalyzedText text, IEnumerable<TokenRange> skip)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(skip);
        var tokens = text.Tokens;
        var n = tokens.Count;
        var inDate = new bool[n];
        foreach (var d in skip)
        {
            for (var k = d.FirstToken; k < d.EndToken && k < n; k++)
            {
                inDate[k] = true;
            }
        }

        var result = new List<NumberMention>();
        var i = 0;
        while (i < n)
        {
            if (inDate[i] || !TryParseNumber(tokens, i, inDate, out var value, out var end, out var prefix, out var kind))
            {
                i++;
                continue;
            }

            if (IsExcludedContext(tokens, i, end, value))
            {
                i = end;
                continue;
            }

            var first = i;
            var spanStart = tokens[i].Start + prefix;

            // Ranges: "10 إلى 15", "10-15", "بين 10 و15", "اثنين أو ثلاثة" → lower bound.
            if (kind == NumberKind.Exact && end < n)
            {
                var link = tokens[end];
                var isLink = (link.Kind == TokenKind.Word && _rangeLinks.Contains(link.Text))
                             || (link.Text == "-" && tokens[end - 1].Kind == TokenKind.Number && link.Start == tokens[end - 1].End);
                var opened = i > 0 && _rangeOpeners.Contains(tokens[i - 1].Text) && link.Text == "و";
                if ((isLink || opened) && end + 1 < n && !inDate[end + 1]
                    && TryParseNumber(tokens, end + 1, inDate, out var upper, out var upperEnd, out var upperPrefix, out var upperKind)
                    && upperPrefix == 0 && upperKind == NumberKind.Exact && upper >= value)
                {
                    end = upperEnd;
                }
                else if (end < n && link.Kind == TokenKind.Word && link.Text.Length > 1 && link.Text[0] == 'و'
                         && i > 0 && _rangeOpeners.Contains(tokens[i - 1].Text)
                         && TryParseNumber(tokens, end, inDate, out upper, out upperEnd, out upperPrefix, out upperKind)
                         && upperPrefix == 1 && upper >= value)
                {
                    end = upperEnd; // "بين ثلاثة وخمسة"
                }
            }

            // A "before" qualifier ending right at the number: "أكثر من 12", "ما لا يقل عن 12".
            for (var s = Math.Max(0, i - _before.MaxWords); s < i && kind != NumberKind.Vague; s++)
            {
                if (_before.TryMatch(tokens, s, i, true, out var q) && q.EndToken == i)
                {
                    kind = NumberKind.AtLeast;
                    first = s;
                    spanStart = tokens[s].Start + q.PrefixLength;
                    break;
                }
            }

            if (kind != NumberKind.Vague && TryAfterQualifier(tokens, end, out var qualifierEnd))
            {
                kind = NumberKind.AtLeast;
                end = qualifierEnd;
            }

            result.Add(new NumberMention(new TextSpan(spanStart, tokens[end - 1].End), first, end, value, kind));
            i = end;
        }

        return result;
    }

    private bool TryAfterQualifier(IReadOnlyList<Token> tokens, int end, out int qualifierEnd)
    {
        qualifierEnd = end;

        // The qualifier may follow the counted noun ("12 شخصا على الأقل"): one word in between at most, and then only a
        // two-word qualifier, so that "16 شهيدا وأكثر من 50" does not make 16 a minimum.
        for (var gap = 0; gap <= 1 && end + gap < tokens.Count; gap++)
        {
            if (gap == 1 && tokens[end].Kind != TokenKind.Word)
            {
                break;
            }

            if (_after.TryMatch(tokens, end + gap, tokens.Count, gap == 0, out var q)
                && (gap == 0 || q.EndToken - q.FirstToken >= 2)
                && !(q.EndToken < tokens.Count && tokens[q.EndToken].Text == "من"))
            {
                if (gap == 0)
                {
                    qualifierEnd = q.EndToken;
                }

                return true;
            }
        }

        return false;
    }

    private static bool Adjacent(IReadOnlyList<Token> tokens, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (tokens[k].End != tokens[k + 1].Start)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsExcludedContext(IReadOnlyList<Token> tokens, int first, int end, long value)
    {
        var isYearLike = end == first + 1 && tokens[first].Kind == TokenKind.Number && tokens[first].Text.Length == 4 && value is >= 1900 and <= 2100;
        for (var s = Math.Max(0, first - 2); s < first; s++)
        {
            // "عام 2019", "الساعة 10", "الـ24"; year-only words rule out year-like numbers only.
            if (_excludedBefore.TryMatch(tokens, s, first, true, out var m) && m.EndToken == first && (isYearLike || !m.Value))
            {
                return true;
            }
        }

        if (end < tokens.Count && _excludedAfter.TryMatch(tokens, end, tokens.Count, false, out var after) && (isYearLike || !after.Value))
        {
            return true;
        }

        // Clock times: "19:00", "7:30".
        if (end == first + 1 && tokens[first].Kind == TokenKind.Number
            && ((first + 2 < tokens.Count && tokens[first + 1].Text == ":" && Adjacent(tokens, first, first + 2) && tokens[first + 2].Kind == TokenKind.Number)
                || (first >= 2 && tokens[first - 1].Text == ":" && Adjacent(tokens, first - 2, first) && tokens[first - 2].Kind == TokenKind.Number)))
        {
            return true;
        }

        // A year-like number closing a clause ("منذ 2013،", "برازافيل 2017.") is a year: a count is followed by what it counts.
        return isYearLike && (end >= tokens.Count || tokens[end].Kind == TokenKind.Punctuation);
    }

    /// <summary>Reads one number (digits + optional scale, a vague quantity, or a compound of number words) at token <paramref name="i"/>.</summary>
    private bool TryParseNumber(IReadOnlyList<Token> tokens, int i, bool[] inDate, out long value, out int end, out int prefix, out NumberKind kind)
    {
        value = 0;
        end = i;
        prefix = 0;
        kind = NumberKind.Exact;
        var n = tokens.Count;
        var token = tokens[i];
        if (token.Kind == TokenKind.Number)
        {
            if (!TryParseDigits(token.Text, out var number))
            {
                return false;
            }

            end = i + 1;
            if (end < n && !inDate[end] && LookupPlain(tokens[end].Text) is { } scale && scale.Role is Role.Scale or Role.ScalePlural
                && scale.Value is 1000 or 1_000_000 or 1_000_000_000)
            {
                value = (long)Math.Min(number * scale.Value, long.MaxValue / 2);
                end++;
                return true;
            }

            value = (long)Math.Min(Math.Floor(number), long.MaxValue / 2);
            return true;
        }

        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        if (_vague.TryMatch(tokens, i, n, true, out var vague))
        {
            value = vague.Value.Value;
            end = vague.EndToken;
            prefix = vague.PrefixLength;
            kind = NumberKind.Vague;
            return true;
        }

        if (!TryComponent(tokens, i, true, out var component))
        {
            return false;
        }

        if (component.Role is Role.ScalePlural)
        {
            return false;
        }

        prefix = component.Prefix;
        long total = 0;
        long group;
        Role last;

        // Each scale must be smaller than the one before ("مليون وثلاثمائة ألف"); "ألفين وثلاثة آلاف" is two numbers.
        var lastScale = long.MaxValue;
        if (component.Role == Role.Scale)
        {
            total = component.Value;
            group = 0;
            last = Role.Scale;
            lastScale = ScaleMagnitude(component.Value);
        }
        else
        {
            group = component.Value;
            last = component.Role;
        }

        var j = component.End;
        (long Total, long Group, int End)? lastAdded = null;
        while (j < n && !inDate[j])
        {
            var plain = LookupPlain(tokens[j].Text);
            if (plain is { } s && s.Role is Role.Scale or Role.ScalePlural && last != Role.Scale && s.Value is 1000 or 1_000_000 or 1_000_000_000)
            {
                if ((s.Role == Role.ScalePlural && group is < 3 or > 10) || s.Value >= lastScale)
                {
                    if (lastAdded is { } undo && s.Value >= lastScale)
                    {
                        // "ألفين وثلاثة آلاف": "وثلاثة" starts the second number, not the units of the first.
                        (total, group, j) = undo;
                    }

                    break;
                }

                total += Math.Max(group, 1) * s.Value;
                group = 0;
                last = Role.Scale;
                lastScale = s.Value;
                lastAdded = null;
                j++;
                continue;
            }

            if (plain is { } h && h.Role == Role.Hundred && h.Value == 100 && last == Role.Unit && group is >= 1 and <= 9)
            {
                group *= 100; // "ثلاث مئة"
                last = Role.Hundred;
                j++;
                continue;
            }

            var word = tokens[j].Text;
            if (tokens[j].Kind != TokenKind.Word || word.Length < 3 || word[0] != 'و' || !TryComponent(tokens, j, false, out var next, word[1..]))
            {
                break;
            }

            var allowed = last switch
            {
                Role.Unit => next.Role == Role.Ten && group % 100 < 10,
                Role.Hundred => next.Role is Role.Unit or Role.Ten or Role.Teen,
                Role.Scale => next.Role is Role.Unit or Role.Ten or Role.Teen or Role.Hundred,
                _ => false,
            };
            if (!allowed)
            {
                break;
            }

            lastAdded = (total, group, j);
            group += next.Value;
            last = next.Role;
            j = next.End;
        }

        value = total + group;
        end = j;
        return value > 0;
    }

    /// <summary>One number word (with a following عشر for 11-19) at token <paramref name="i"/>; <paramref name="word"/> overrides the token text.</summary>
    private bool TryComponent(IReadOnlyList<Token> tokens, int i, bool proclitics, out Component component, string? word = null)
    {
        component = default;
        var text = word ?? tokens[i].Text;
        if (text.Length > 12)
        {
            return false; // no number word is longer (ثمانيمائة + proclitics)
        }
        var prefix = word is null ? 0 : tokens[i].Text.Length - word.Length;
        (long Value, Role Role)? found = null;
        if (proclitics)
        {
            Span<ProcliticSlice> slices = stackalloc ProcliticSlice[ProcliticCandidates.MaxCandidates];
            var count = ProcliticCandidates.Fill(text, slices);
            for (var k = 0; k < count && found is null; k++)
            {
                var slice = slices[k];
                var stem = slice.RestoreArticle ? string.Concat("ا", text.AsSpan(slice.Start)).AsSpan() : text.AsSpan(slice.Start);
                if (_cardinalsBySpan.TryGetValue(stem, out var entry))
                {
                    found = entry;
                    prefix += slice.Prefix;
                }
            }
        }
        else if (_cardinalsBySpan.TryGetValue(text, out var entry))
        {
            found = entry;
        }

        if (found is null && proclitics && text.Length > 4 && text.StartsWith("ال", StringComparison.Ordinal)
            && _cardinalsBySpan.TryGetValue(text.AsSpan(2), out var withArticle) && withArticle.Role is Role.Unit or Role.TeenHead
            && i + 1 < tokens.Count && LookupPlain(tokens[i + 1].Text) is { Role: Role.Teen })
        {
            // "الاثني عشر": the article is allowed only before a teen, so that الاثنين (Monday) stays a weekday.
            found = withArticle;
        }

        if (found is not { } f)
        {
            return false;
        }

        var end = i + 1;
        var teen = end < tokens.Count ? LookupPlain(tokens[end].Text) : null;
        if (f.Role is Role.Unit or Role.TeenHead && teen is { Role: Role.Teen } && f.Value < 10)
        {
            component = new Component(f.Value + 10, Role.Teen, end + 1, prefix);
            return true;
        }

        if (f.Role == Role.TeenHead)
        {
            return false; // "أحد" alone is "one of", not a count
        }

        component = new Component(f.Value, f.Role == Role.Teen ? Role.Teen : f.Role, end, prefix);
        return true;
    }

    /// <summary>1000 for ألف and ألفان, a million for مليون and مليونان...</summary>
    private static long ScaleMagnitude(long value)
    {
        var magnitude = 1000L;
        while (magnitude * 1000 <= value)
        {
            magnitude *= 1000;
        }

        return magnitude;
    }

    private (long Value, Role Role)? LookupPlain(string word) => _cardinals.TryGetValue(word, out var entry) ? entry : null;

    private static bool TryParseDigits(string text, out double value)
    {
        var plain = text.Replace(",", string.Empty, StringComparison.Ordinal);
        if (plain.Count(c => c == '.') > 1)
        {
            value = 0;
            return false;
        }

        return double.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && value < 1e15;
    }

    private readonly record struct Component(long Value, Role Role, int End, int Prefix);
}
