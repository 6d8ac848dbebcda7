using Rasid.Text;


namespace Rasid.Places;

/// <summary>One recognised name as a <see cref="PlaceMention"/>: its cues, its context, and its links to the previous name.</summary>
internal sealed partial class PlaceRecognizer
{
    /// <summary>
    /// True when the "من" at <paramref name="fromIndex"/> ends a phrase of origin: an origin word up to five words
    /// before it ("قادمة من X", "أطلق الحوثيون صاروخا من X").
    /// </summary>
    private bool LaunchedFrom(IReadOnlyList<Token> tokens, int fromIndex)
    {
        var origin = _originWords;
        for (var k = fromIndex - 1; k >= 0 && k >= fromIndex - 5 && tokens[k].Kind == TokenKind.Word; k--)
        {
            if (origin.Contains(tokens[k].Text))
            {
                return true;
            }
        }

        return false;
    }

    private PlaceMention? MakeMention(AnalyzedText text, PhraseMatch<IReadOnlyList<int>> place, List<PhraseMatch<IReadOnlyList<PlaceCue>>> chain, bool coordinated,
        string? inheritedCue)
    {
        var norm = text.Normalized.Text;
        var tokens = text.Tokens;
        var name = norm[place.Span.Start..place.Span.End];
        string? typeCue = inheritedCue;
        string? modifier = null;
        var spanStart = place.Span.Start;
        var keepContiguous = true;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            foreach (var cue in chain[i].Value)
            {
                switch (cue.Kind)
                {
                    case "type":
                        typeCue ??= cue.Value;
                        if (cue.Keep && keepContiguous && i == chain.Count - 1 && chain[i].EndToken == place.FirstToken)
                        {
                            spanStart = chain[i].Span.Start;
                        }

                        break;
                    case "near":
                    case "part":
                        modifier ??= cue.Value;
                        break;
                    default:
                        break;
                }
            }

            keepContiguous = false;
        }

        foreach (var idiom in _idiomWords)
        {
            // "مسقط رأسه" (his birthplace), "مفرق طرق": a place name that opens an idiom is a common word.
            if (string.CompareOrdinal(norm, place.Span.Start, idiom, 0, idiom.Length) == 0)
            {
                return null;
            }
        }

        string? ownCue = null;
        if (typeCue is null && place.EndToken - place.FirstToken > 1
            && !tokens[place.FirstToken].Text.AsSpan(place.PrefixLength).StartsWith("ال", StringComparison.Ordinal)
            && _gazetteer.Matcher.TryMatchAt(tokens, place.FirstToken, place.EndToken - 1, out var head))
        {
            // A name that starts with its own cue word ("مطار المزة", "مخيم اليرموك") announces its type itself.
            ownCue = head.Value.Where(e => e.Kind == LexKind.Cue).Select(e => _gazetteer.CueList[e.Index])
                .FirstOrDefault(c => c.Kind == "type")?.Value;
        }

        var places = new List<GazetteerPlace>(place.Value.Count);
        foreach (var i in place.Value)
        {
            places.Add(_gazetteer.Places[i]);
        }

        // "مديرية X" names a district; "المديرية X" (the cue with the article) is "the district" followed by any word.
        // لل + cue is the article too, its alef dropped ("للقضاء على": "to eliminate", not "the district").
        var definiteCue = chain.Count > 0
                          && (tokens[chain[^1].FirstToken].Text.AsSpan(chain[^1].PrefixLength).StartsWith("ال", StringComparison.Ordinal)
                              || tokens[chain[^1].FirstToken].Text.AsSpan(0, chain[^1].PrefixLength).EndsWith("لل", StringComparison.Ordinal));
        // A stop-listed name is a place only after an admin cue ("محافظة X"), or when it is joined by و to a place a
        // dual or plural cue announced ("منطقتي الوهط وصبر"; the first name must be a place in its own right).
        if (_gazetteer.StopWords.Contains(name)
            && (definiteCue || (typeCue is not (FeatureTypes.Admin1 or FeatureTypes.Admin2 or FeatureTypes.Admin3) && !(coordinated && typeCue is not null))))
        {
            return null;
        }

        typeCue ??= ownCue;
        if (definiteCue && typeCue is not (null or FeatureTypes.City))
        {
            // "صحة المحافظة ...", "أهالي المديرية ...": the unit word with the article refers back; it announces no name
            // (العاصمة صنعاء is the exception).
            typeCue = null;
        }

        var first = chain.Count > 0 ? chain[0] : default;
        var cueStart = chain.Count > 0 ? first.Span.Start : place.Span.Start;
        var firstTokenIndex = chain.Count > 0 ? first.FirstToken : place.FirstToken;
        var prefix = chain.Count > 0 ? tokens[first.FirstToken].Text[..first.PrefixLength] : tokens[place.FirstToken].Text[..place.PrefixLength];
        var beforeIndex = firstTokenIndex - 1;
        while (beforeIndex >= 0 && tokens[beforeIndex].Kind == TokenKind.Punctuation && IsQuote(tokens[beforeIndex].Text))
        {
            beforeIndex--;
        }

        var before = beforeIndex >= 0 ? tokens[beforeIndex].Text : string.Empty;
        var beforeThat = beforeIndex >= 1 && tokens[beforeIndex - 1].Kind == TokenKind.Word ? tokens[beforeIndex - 1].Text : string.Empty;
        if (chain.Count == 0 && prefix.Length == 0 && (_namePartWords.Contains(before) || _occasionWords.Contains(before)))
        {
            return null; // "عبد الحسن", "أبو همدان": a person's name; "يوم القدس": an occasion
        }

        // "قادمة من X", "المطلة على X", "المحاذية لـ X": where something came from, or a landmark, not where it happened.
        var reference = (before == "من" && LaunchedFrom(tokens, beforeIndex))
                        || (before == "علي" && _landmarkWords.Contains(beforeThat))
                        || (prefix.EndsWith('ل') && _landmarkWords.Contains(before));
        var separatePreposition = modifier is not null
                          || _prepositionWords.Contains(before)
                          || (chain.Count > 0 && _stretchWords.Contains(before))
                          || HasLinkCue(chain);
        var preposition = separatePreposition || prefix.EndsWith('ب') || prefix.EndsWith('ل');
        var reporting = false;
        for (var k = firstTokenIndex - 1; k >= 0 && k >= firstTokenIndex - 6 && tokens[k].Kind == TokenKind.Word; k--)
        {
            if (_sourceWords.Contains(tokens[k].Text))
            {
                reporting = true;
                break;
            }
        }

        reporting = reporting || IsDateline(text.Normalized.Text, cueStart);
        var mention = new PlaceMention(place.Span, new TextSpan(spanStart, place.Span.End), place.FirstToken, place.EndToken, name, places)
        {
            TypeCue = typeCue,
            Modifier = modifier,
            HasPreposition = preposition,
            PrepositionIsClitic = preposition && !separatePreposition,
            DativeOnly = !separatePreposition && prefix.EndsWith('ل'),
            IsMetonym = _metonymWords.Contains(name),
            CueSpan = new TextSpan(cueStart, place.Span.Start),
            IsDestination = _destinationWords.Contains(before),
            IsReferencePoint = reference,
            IsTopic = before is "وفي" or "ففي",
            IsReportingSource = reporting,
        };
        return mention;
    }

    private static bool HasLinkCue(List<PhraseMatch<IReadOnlyList<PlaceCue>>> chain)
    {
        foreach (var c in chain)
        {
            foreach (var v in c.Value)
            {
                if (v.Kind == "link")
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the name sits in a dateline: a short line where a dash separates the outlet from the place ("بلدي نيوز - إدلب").</summary>
    private static bool IsDateline(string text, int position)
    {
        // Only lines of at most 80 characters count, so neither search looks further than 81 characters.
        const int MaxLine = 80;
        var lo = Math.Max(0, position - (MaxLine + 1));
        var before = text.AsSpan(lo, position - lo).LastIndexOf('\n');
        if (before < 0 && lo > 0)
        {
            return false; // the line starts more than 80 characters back
        }

        var lineStart = before < 0 ? 0 : lo + before + 1;
        var hi = Math.Min(text.Length, lineStart + MaxLine + 1);
        var after = hi > position ? text.AsSpan(position, hi - position).IndexOf('\n') : -1;
        if (after < 0 && hi < text.Length)
        {
            return false; // the line ends more than 80 characters after its start
        }

        var lineEnd = after < 0 ? text.Length : position + after;
        if (lineEnd - lineStart > MaxLine)
        {
            return false;
        }

        var head = text.AsSpan(lineStart, position - lineStart).TrimEnd();
        return head.Length > 0 && head[^1] is '-' or '–' or '—' or ':';
    }

    /// <summary>Marks each mention the text ties to the one before it ("مكيراس بالبيضاء", "X في Y", "X التابعة لـ Y").</summary>
    public void Link(AnalyzedText text, List<PlaceMention> mentions)
    {
        var tokens = text.Tokens;
        for (var i = 1; i < mentions.Count; i++)
        {
            var prev = mentions[i - 1];
            var cur = mentions[i];
            var gapTokens = 0;
            for (var t = prev.EndToken; t < tokens.Count && tokens[t].End <= cur.CueSpan.Start && gapTokens <= 4; t++)
            {
                gapTokens++;
            }

            if (gapTokens > 3)
            {
                continue;
            }

            var between = text.Normalized.Text[prev.NameSpan.End..cur.CueSpan.Start];

            var startsWithB = cur.CueSpan.Start < cur.NameSpan.Start
                ? false
                : tokens[cur.FirstToken].Start < cur.NameSpan.Start && (text.Normalized.Text[cur.NameSpan.Start - 1] is 'ب' or 'ل');
            var trimmed = between.Trim().Trim('،', ',', '-', '–').Trim();
            var linked = gapTokens == 0 && trimmed.Length == 0
                         || _linkGapWords.Contains(trimmed)
                         || (gapTokens <= 1 && (startsWithB || cur.TypeCue is FeatureTypes.Admin1 or FeatureTypes.Admin2))
                         || (gapTokens == 1 && trimmed.Length > 2 && trimmed[0] == 'ب' && !trimmed.Contains(' ', StringComparison.Ordinal));
            if (linked && gapTokens <= 3)
            {
                cur.LinkedToPrevious = true;
            }
        }
    }
}
