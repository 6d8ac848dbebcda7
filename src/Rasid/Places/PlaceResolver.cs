using System.Globalization;
using Rasid.Documents;
using Rasid.Lexicons;
using Rasid.Tokenization;

namespace Rasid.Places;

/// <summary>
/// Recognises place names in text and resolves them against the gazetteer: names are matched with
/// <see cref="PhraseMatcher{T}"/> (clitics, with and without ال, multi-word), cue words set the feature type
/// (محافظة → province, مديرية → district, مدينة → town) and the precision (شمال، قرب → 2), containment in the text
/// ("مديرية المحفد محافظة أبين", "مكيراس بالبيضاء") ties candidates together, and the document's country
/// (actor hints, country names and adjectives, the places themselves) decides between namesakes.
/// </summary>
public sealed class PlaceResolver
{
    /// <summary>How close (characters) another place must be to weigh as local context for a name's namesakes.</summary>
    private const int LocalWindow = 250;

    /// <summary>Score for a namesake in a province named within <see cref="LocalWindow"/>.</summary>
    private const double LocalBonus = 1.5;

    /// <summary>A city this large is what its bare name means, whatever the document's country.</summary>
    private const long MetropolisPopulation = 2_500_000;

    private readonly Gazetteer _gazetteer;

    private readonly Func<int, double> _groupWeight;

    private readonly HashSet<string> _distanceWords;
    private readonly HashSet<string> _originWords;
    private readonly HashSet<string> _idiomWords;
    private readonly HashSet<string> _occasionWords;
    private readonly HashSet<string> _landmarkWords;
    private readonly HashSet<string> _prepositionWords;
    private readonly HashSet<string> _stretchWords;
    private readonly HashSet<string> _sourceWords;
    private readonly HashSet<string> _metonymWords;
    private readonly HashSet<string> _destinationWords;
    private readonly HashSet<string> _namePartWords;

    private PlaceResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _distanceWords = gazetteer.Context("distance");
        _originWords = gazetteer.Context("origin");
        _idiomWords = gazetteer.Context("idiom");
        _occasionWords = gazetteer.Context("occasion");
        _landmarkWords = gazetteer.Context("landmark");
        _prepositionWords = gazetteer.Context("preposition");
        _stretchWords = gazetteer.Context("stretch");
        _sourceWords = gazetteer.Context("source");
        _metonymWords = gazetteer.Context("metonym");
        _destinationWords = gazetteer.Context("destination");
        _namePartWords = gazetteer.Context("name_part");
        _groupWeight = gazetteer.GroupWeight;
    }

    /// <summary>The loaded gazetteer.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>Loads the gazetteer from <paramref name="data"/> (data/gazetteer/).</summary>
    public static PlaceResolver Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PlaceResolver(Gazetteer.Load(data));
    }

    /// <summary>
    /// Finds and resolves every place mention of a document. <paramref name="countryHints"/> are ISO2 codes
    /// suggested by the document's actors (الحوثي → YE), strongest first.
    /// </summary>
    public PlaceAnalysis Analyze(AnalyzedText text, IReadOnlyList<string> countryHints)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(countryHints);
        var adjectives = new List<string>();
        var mentions = Recognize(text, adjectives);
        var votes = CountryVotes(text, mentions, adjectives, countryHints);
        var documentCountry = DocumentCountry(votes);
        Link(text, mentions);
        Resolve(text, mentions, documentCountry, countryHints);
        var resolved = mentions.Where(m => m.Resolved is not null).Select(m => m.Resolved!).ToList();
        return new PlaceAnalysis(resolved, documentCountry, mentions);
    }

    private List<PlaceMention> Recognize(AnalyzedText text, List<string> adjectives)
    {
        var tokens = text.Tokens;
        var mentions = new List<PlaceMention>();
        var cueChain = new List<PhraseMatch<IReadOnlyList<PlaceCue>>>();
        var noChain = new List<PhraseMatch<IReadOnlyList<PlaceCue>>>(0); // never added to
        var ids = new List<int>(); // place ids of the current token's match; MakeMention copies what it keeps
        var keys = TokenKeys.Of(tokens);
        var chainEnd = -1;
        string? pluralCue = null; // the feature type a dual or plural cue announced for the last name
        var pluralEnd = -1; // token right after that name
        var t = 0;
        PhraseMatch<IReadOnlyList<LexEntry>> match = default;
        while (t < tokens.Count)
        {
            var kind = tokens[t].Kind;
            if (kind != TokenKind.Word)
            {
                if (chainEnd == t && cueChain.Count > 0
                    && ((kind == TokenKind.Number && IsDistance(cueChain[^1].Value))
                        || (kind == TokenKind.Punctuation && IsQuote(tokens[t].Text))))
                {
                    chainEnd = t + 1; // "على بعد 10 كم من X", "مدينة "لودر""
                }

                t++;
                continue;
            }

            var hasPlace = false;
            var hasCue = false;
            PhraseMatch<IReadOnlyList<int>> place = default;
            PhraseMatch<IReadOnlyList<PlaceCue>> cue = default;
            // One lookup per clitic reading tells which lexicon can match here (most words: neither).
            var starts = _gazetteer.Index.Starts(tokens[t].Text);
            var small = (starts & NameIndex.StartsPhrase) != 0 && _gazetteer.Matcher.TryMatchAt(tokens, keys, t, tokens.Count, out match);
            int group = -1, bigEnd = -1, bigPrefix = 0;
            var big = (starts & NameIndex.StartsName) != 0 && _gazetteer.Index.TryMatchAt(tokens, t, _groupWeight, out group, out bigEnd, out bigPrefix);
            if (small && big && bigEnd > match.EndToken)
            {
                small = false;
            }

            if (small || big)
            {
                ids.Clear();
                var hasIds = false;
                var hasAdjective = false;
                List<PlaceCue>? cues = null;
                if (small)
                {
                    var entries = match.Value;
                    for (var k = 0; k < entries.Count; k++)
                    {
                        var e = entries[k];
                        switch (e.Kind)
                        {
                            case LexKind.Place:
                                ids.Add(e.Index);
                                hasIds = true;
                                break;
                            case LexKind.Cue:
                                (cues ??= []).Add(_gazetteer.CueList[e.Index]);
                                break;
                            default:
                                hasAdjective = true;
                                // Each listing is half a vote; right after a place name ("سنجار العراقية") it describes the place: two votes.
                                var iso = _gazetteer.AdjectiveList[e.Index];
                                for (var times = AdjacentToPrevious(mentions, t) ? 4 : 1; times > 0; times--)
                                {
                                    adjectives.Add(iso);
                                }

                                break;
                        }
                    }
                }

                // "محافظة يمنية": a nationality adjective is not the village that shares its spelling.
                if (big && (!small || (bigEnd == match.EndToken && !hasAdjective)))
                {
                    _gazetteer.AddGroupMembers(group, ids);
                    hasIds = true;
                    if (!small)
                    {
                        var first = tokens[t];
                        match = new PhraseMatch<IReadOnlyList<LexEntry>>(t, bigEnd, new TextSpan(first.Start + bigPrefix, tokens[bigEnd - 1].End), bigPrefix, []);
                    }
                }

                hasCue = cues is not null;
                hasPlace = hasIds && !hasCue;
                if (hasPlace)
                {
                    place = new PhraseMatch<IReadOnlyList<int>>(match.FirstToken, match.EndToken, match.Span, match.PrefixLength, ids);
                }
                else if (hasCue)
                {
                    cue = new PhraseMatch<IReadOnlyList<PlaceCue>>(match.FirstToken, match.EndToken, match.Span, match.PrefixLength, cues!);
                }
                else
                {
                    t = match.EndToken;
                    continue;
                }
            }

            if (!hasPlace && hasCue)
            {
                if (chainEnd != t)
                {
                    cueChain.Clear();
                }

                cueChain.Add(cue);
                chainEnd = cue.EndToken;
                t = cue.EndToken;
                continue;
            }

            if (!hasPlace)
            {
                if (chainEnd == t && cueChain.Count > 0 && IsDistance(cueChain[^1].Value)
                    && _distanceWords.Contains(tokens[t].Text))
                {
                    chainEnd = t + 1;
                }

                t++;
                continue;
            }

            var chain = chainEnd == t ? cueChain : noChain;
            // "منطقتي الوهط وصبر": a dual or plural cue covers every name joined to its first by و.
            var coordinated = chain.Count == 0 && pluralEnd == t && place.PrefixLength > 0 && tokens[t].Text[0] == 'و';
            var plural = coordinated || (chain.Count > 0 && IsPlural(chain[^1].Value));
            if (chain.Count == 0 && !coordinated && place.EndToken - place.FirstToken == 1 && OnlySmallPlaces(place.Value)
                && !AdjacentToPrevious(mentions, place.FirstToken) && !PrepositionBefore(tokens, place.FirstToken))
            {
                // A bare village name with no cue, no preposition word and no place before it is dropped anyway
                // (IsBareSmallPlace): skip building its mention.
                pluralEnd = -1;
                t = place.EndToken;
                continue;
            }

            var mention = MakeMention(text, place, chain, coordinated, coordinated ? pluralCue : null);
            if (mention is not null && (!IsBareSmallPlace(mention) || AdjacentToPrevious(mentions, place.FirstToken)))
            {
                mentions.Add(mention);
            }

            if (plural && mention is not null)
            {
                pluralCue = coordinated ? pluralCue : mention.TypeCue;
                pluralEnd = place.EndToken;
            }
            else
            {
                pluralEnd = -1;
            }

            cueChain.Clear(); // MakeMention keeps no reference to the chain
            chainEnd = -1;
            t = place.EndToken;
        }

        return mentions;
    }

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

    private bool OnlySmallPlaces(IReadOnlyList<int> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (_gazetteer.Places[ids[i]].FeatureType is not ("village" or "neighbourhood" or "other"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the word before token <paramref name="t"/> (quotes skipped) is a preposition word.</summary>
    private bool PrepositionBefore(IReadOnlyList<Token> tokens, int t)
    {
        var k = t - 1;
        while (k >= 0 && tokens[k].Kind == TokenKind.Punctuation && IsQuote(tokens[k].Text))
        {
            k--;
        }

        return k >= 0 && _prepositionWords.Contains(tokens[k].Text);
    }

    private static bool IsPlural(IReadOnlyList<PlaceCue> cues)
    {
        for (var i = 0; i < cues.Count; i++)
        {
            if (cues[i].Plural)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDistance(IReadOnlyList<PlaceCue> cues)
    {
        for (var i = 0; i < cues.Count; i++)
        {
            if (cues[i].Value == "distance")
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
            && (definiteCue || (typeCue is not ("admin1" or "admin2" or "admin3") && !(coordinated && typeCue is not null))))
        {
            return null;
        }

        typeCue ??= ownCue;
        if (definiteCue && typeCue is not (null or "city"))
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

    private static Dictionary<string, double> CountryVotes(AnalyzedText text, List<PlaceMention> mentions, List<string> adjectives, IReadOnlyList<string> hints)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        void Vote(string iso, double w) => votes[iso] = votes.GetValueOrDefault(iso) + w;
        for (var i = 0; i < hints.Count; i++)
        {
            Vote(hints[i], Math.Max(5.0 - i, 2.0));
        }

        foreach (var iso in adjectives)
        {
            Vote(iso, 0.5); // "قصف إسرائيلي" names the attacker's country more often than the place's
        }

        var firstLineEnd = text.Normalized.Text.IndexOf('\n', StringComparison.Ordinal);
        var countries = new List<string>();
        foreach (var m in mentions)
        {
            var weight = firstLineEnd >= 0 && m.NameSpan.Start < firstLineEnd ? 2.0 : 1.0;
            GazetteerPlace? country = null;
            foreach (var p in m.Places)
            {
                if (p.FeatureType == "country")
                {
                    country = p;
                    break;
                }
            }

            if (country is not null)
            {
                Vote(country.Country, 2.0 * weight);
                continue;
            }

            // The distinct countries of the candidates other than villages, neighbourhoods and minor features, in order.
            countries.Clear();
            foreach (var p in m.Places)
            {
                if (p.FeatureType is not ("village" or "neighbourhood" or "other") && !countries.Contains(p.Country))
                {
                    countries.Add(p.Country);
                }
            }

            if (countries.Count == 1)
            {
                Vote(countries[0], weight);
            }
            else if (countries.Count > 1)
            {
                foreach (var c in countries)
                {
                    Vote(c, 0.5 * weight / countries.Count);
                }
            }
        }

        return votes;
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

    private static bool IsQuote(string p) => p is "\"" or "«" or "»" or "“" or "”" or "'" or "‘" or "’";

    /// <summary>
    /// A name that only villages, neighbourhoods or minor features carry, with no cue word and no preposition:
    /// it can only be accepted through a place right before it ("الزاهر آل حميقان"), so the rest are not kept.
    /// </summary>
    private static bool IsBareSmallPlace(PlaceMention m)
    {
        // An attached ب/ل is not enough for a village: "بسيطة" (simple) is not ب + the village سيطة.
        if (m.TypeCue is not null || (m.HasPreposition && !m.PrepositionIsClitic))
        {
            return false;
        }

        foreach (var p in m.Places)
        {
            if (p.FeatureType is not ("village" or "neighbourhood" or "other"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AdjacentToPrevious(List<PlaceMention> mentions, int firstToken) =>
        mentions.Count > 0 && mentions[^1].EndToken == firstToken;

    /// <summary>The country with the most votes, when it has at least one full vote and no tie.</summary>
    private static string? DocumentCountry(Dictionary<string, double> votes)
    {
        var ranked = votes.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2).ToList();
        if (ranked.Count == 0 || ranked[0].Value < 1.0 || (ranked.Count > 1 && ranked[1].Value >= ranked[0].Value))
        {
            return null;
        }

        return ranked[0].Key;
    }

    private static void Link(AnalyzedText text, List<PlaceMention> mentions)
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
                         || trimmed is "في" or "من" or "التابعه" or "التابعه ل" or "عاصمه" or "مركز" or "التابع" or "شمال" or "جنوب" or "شرق" or "غرب"
                         || (gapTokens <= 1 && (startsWithB || cur.TypeCue is "admin1" or "admin2"))
                         || (gapTokens == 1 && trimmed.Length > 2 && trimmed[0] == 'ب' && !trimmed.Contains(' ', StringComparison.Ordinal));
            if (linked && gapTokens <= 3)
            {
                cur.LinkedToPrevious = true;
            }
        }
    }

    private void Resolve(AnalyzedText text, List<PlaceMention> mentions, string? documentCountry, IReadOnlyList<string> hints)
    {
        // Pass 1 without coherence, pass 2 rewards candidates in provinces other mentions point to.
        var admin1Votes = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstPass = new string?[mentions.Count]; // the province each mention settled on in pass 1 (larger places only)
        var local = new List<string>(4);
        var neighbours = new List<PlaceMention>(2);
        for (var pass = 0; pass < 2; pass++)
        {
            var nextVotes = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var i = 0; i < mentions.Count; i++)
            {
                var m = mentions[i];
                local.Clear();
                if (pass == 1)
                {
                    // "حي الروضة ... في تعز": a province named close by decides between namesakes.
                    // Mentions are in text order: look outwards from i while within the window.
                    for (var j = i - 1; j >= 0 && m.NameSpan.Start - mentions[j].NameSpan.Start <= LocalWindow; j--)
                    {
                        if (firstPass[j] is { } code && !local.Contains(code))
                        {
                            local.Add(code);
                        }
                    }

                    for (var j = i + 1; j < mentions.Count && mentions[j].NameSpan.Start - m.NameSpan.Start <= LocalWindow; j++)
                    {
                        if (firstPass[j] is { } code && !local.Contains(code))
                        {
                            local.Add(code);
                        }
                    }
                }

                neighbours.Clear();
                if (m.LinkedToPrevious && i > 0)
                {
                    neighbours.Add(mentions[i - 1]);
                }

                if (i + 1 < mentions.Count && mentions[i + 1].LinkedToPrevious)
                {
                    neighbours.Add(mentions[i + 1]);
                }

                var scored = new PlaceCandidate[m.Places.Count];
                for (var k = 0; k < scored.Length; k++)
                {
                    var p = m.Places[k];
                    var near = local.Count > 0 && p.Admin1Code is not null && p.FeatureType != "village" && local.Contains(p.Admin1Code) ? LocalBonus : 0;
                    scored[k] = new PlaceCandidate(p, near + Score(p, m, neighbours, documentCountry, hints, pass == 0 ? null : admin1Votes));
                }

                Array.Sort(scored, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Place.Id.CompareTo(b.Place.Id));
                m.Candidates = scored;
                m.Chosen = scored.Length > 0 ? scored[0].Place : null;
                if (m.Chosen?.Admin1Code is { } a1 && Accept(m, documentCountry))
                {
                    nextVotes[a1] = nextVotes.GetValueOrDefault(a1) + (m.Chosen.FeatureType == "village" ? 0.5 : 1.0);
                    if (pass == 0 && m.Chosen.FeatureType is not ("village" or "neighbourhood" or "other"))
                    {
                        firstPass[i] = a1;
                    }
                }
            }

            admin1Votes = nextVotes;
        }

        var supported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            if (m.Chosen is { Admin1Code: { } code } c && c.FeatureType is not ("village" or "neighbourhood" or "other" or "admin3")
                && Accept(m, documentCountry))
            {
                supported.Add(code);
            }
        }

        foreach (var m in mentions)
        {
            if (m.Chosen is null || !Accept(m, documentCountry, supported))
            {
                m.Resolved = null;
                // Built only when someone reads it (rasid places): most rejected names are never looked at.
                var rejected = m.Chosen;
                m.SetReason(() => "rejected: " + (rejected is null ? "no candidate" : Why(m, rejected, documentCountry)));
                m.Chosen = null;
                continue;
            }

            m.Reason = Describe(m);
        }

        // Containment chains between accepted neighbours.
        for (var i = 1; i < mentions.Count; i++)
        {
            var prev = mentions[i - 1];
            var cur = mentions[i];
            if (!cur.LinkedToPrevious || prev.Chosen is null || cur.Chosen is null)
            {
                continue;
            }

            if (prev.Chosen.FeatureType == "region" && cur.Chosen.FeatureType == "admin1" && prev.Chosen.Admin1Code != cur.Chosen.Admin1Code
                && prev.Chosen.Country == cur.Chosen.Country)
            {
                // "المنطقة الوسطى لمحافظة إب": a generic regional term of another province, not the alias.
                prev.Chosen = null;
                prev.Reason = "rejected: regional term attached to another province (" + cur.Text + ")";
                continue;
            }

            if (cur.Modifier is not null)
            {
                continue; // "X شمال شرق Y": X is placed relative to Y, not inside it
            }

            if (cur.TypeCue is "admin1" or "admin2" or "city" && prev.Chosen.Admin1Code != cur.Chosen.Admin1Code
                && prev.Chosen.FeatureType is "village" or "neighbourhood" or "other" or "town")
            {
                // "منطقة الحوبان بمدينة تعز": the text puts X inside Y, so a namesake of X elsewhere is wrong. Take X's
                // namesake inside Y's province, or drop X and let Y stand for the place.
                var inside = prev.Candidates.FirstOrDefault(c => c.Place.Admin1Code == cur.Chosen.Admin1Code).Place;
                prev.Chosen = inside;
                prev.Reason = inside is null
                    ? $"rejected: no place of this name inside {cur.Text}, which the text puts it in"
                    : $"{inside.FeatureType} in {inside.Country}, the namesake inside {cur.Text}";
                if (inside is null)
                {
                    continue;
                }
            }

            if (Contains(cur.Chosen, prev.Chosen))
            {
                prev.Container = cur;
                cur.Contained = prev;
            }
            else if (Contains(prev.Chosen, cur.Chosen) || SameDistrict(prev.Chosen, cur.Chosen))
            {
                cur.Container = prev;
                prev.Contained = cur;
            }
        }

        foreach (var m in mentions.Where(m => m.Chosen is not null))
        {
            m.Resolved = PlaceOutput.ToResolved(_gazetteer, text, m, m.Chosen!, m.Reason);
        }
    }

    private static string Why(PlaceMention m, GazetteerPlace c, string? documentCountry)
    {
        if (m.IsMetonym && m.TypeCue is null && (!m.HasPreposition || m.DativeOnly))
        {
            return "a capital that stands for its government here (no locative preposition or cue)";
        }

        if (documentCountry is not null && c.Country != documentCountry)
        {
            return $"best candidate {c} is outside the document country {documentCountry} and has no cue";
        }

        return $"{c.FeatureType} name without a cue word, or with a preposition but in a province the document does not name";
    }

    private static string Describe(PlaceMention m)
    {
        var c = m.Chosen!;
        return $"{c.FeatureType} in {c.Country}"
               + (m.TypeCue is null ? string.Empty : $", cue {m.TypeCue}")
               + (m.Modifier is null ? string.Empty : $", {m.Modifier}")
               + (m.Candidates.Count > 1
                   ? string.Create(CultureInfo.InvariantCulture, $", best of {m.Candidates.Count} (score {m.Candidates[0].Score:0.0} vs {m.Candidates[1].Score:0.0})")
                   : ", only candidate");
    }

    private bool Accept(PlaceMention m, string? documentCountry, HashSet<string>? supported = null)
    {
        var c = m.Chosen!;
        if (m.IsMetonym && m.TypeCue is null && (!m.HasPreposition || m.DativeOnly))
        {
            return false; // "بين تل أبيب والفصائل", "أعلنت واشنطن": the capital stands for its government
        }

        var inCountry = documentCountry is null || _gazetteer.SameTheatre(c.Country, documentCountry);
        var linked = m.Container is not null || m.Contained is not null || m.LinkedToPrevious;
        if (m.Text.Length <= 2)
        {
            // Two-letter names (اب = Ibb, also the month آب) need a cue or the document's country.
            return m.TypeCue is not null || (inCountry && documentCountry is not null && m.HasPreposition);
        }

        if (m.TypeCue is not null && m.TypeCue != "area" && inCountry)
        {
            return true;
        }

        if (!inCountry)
        {
            // Outside the document's country only clearly marked places count.
            return c.FeatureType switch
            {
                "country" => true,
                // "الموالية لأنقرة": a foreign capital after ل is its government, not a place.
                "admin1" or "city" or "region" => (m.HasPreposition && !m.DativeOnly) || m.TypeCue is not null,
                "admin2" or "town" or "admin3" => m.TypeCue is not null && m.TypeCue != "area" && m.HasPreposition,
                _ => false,
            };
        }

        return c.FeatureType switch
        {
            "country" or "admin1" or "city" or "region" or "admin2" or "town" => true,

            // Small places: a cue word or a containing place, or a preposition in a province the document names.
            _ => m.TypeCue is not null || linked
                 || (m.HasPreposition && (supported is null || (c.Admin1Code is not null && supported.Contains(c.Admin1Code)))),
        };
    }

    private double Score(GazetteerPlace p, PlaceMention m, List<PlaceMention> neighbours, string? documentCountry,
        IReadOnlyList<string> hints, Dictionary<string, double>? admin1Votes)
    {
        var s = p.Prior;
        if (documentCountry is not null)
        {
            s += p.Country == documentCountry ? 4.0 : _gazetteer.SameTheatre(p.Country, documentCountry) ? 3.5 : -1.0;
        }

        if (p.FeatureType == "city" && p.Population >= MetropolisPopulation && m.TypeCue is null && !m.HasCountryCandidate)
        {
            s += 5.5; // "القاهرة" is Cairo, even in a Yemeni article, unless a cue says "مديرية القاهرة"
        }

        if (p.FeatureType is "village" or "neighbourhood" or "other" && m.HasCountryCandidate)
        {
            s -= 6.0; // "السعودية" is the kingdom, not a Syrian village of that name
        }

        if (hints.Count > 0 && hints.Contains(p.Country, StringComparer.Ordinal))
        {
            s += 1.0;
        }

        s += m.TypeCue switch
        {
            null => 0,
            "admin1" => p.FeatureType == "admin1" ? 4 : p.FeatureType == "admin2" ? 0.5 : -1,
            "admin2" => p.FeatureType == "admin2" ? 4 : p.FeatureType is "admin3" or "town" ? 1 : -1,
            "admin3" => p.FeatureType == "admin3" ? 4 : p.FeatureType is "town" or "admin2" ? 1 : -1,
            "city" or "town" => p.FeatureType is "city" or "town" ? 3 : p.FeatureType == "admin2" ? 1 : p.FeatureType == "admin1" ? -1.5 : 0,
            "village" => p.FeatureType is "village" or "town" ? 3 : -1,
            "neighbourhood" => p.FeatureType is "neighbourhood" ? 3 : p.FeatureType is "village" or "town" ? 1 : -1,
            "countryside" => p.FeatureType is "admin1" or "region" ? 3 : 0,
            _ => p.FeatureType == "country" ? -1 : 0.5,
        };

        if (neighbours.Count > 0 && TextContainment(p, neighbours))
        {
            s += 5.0;
        }

        if (admin1Votes is not null && p.Admin1Code is not null)
        {
            var own = m.Chosen is { } chosen && chosen.Admin1Code == p.Admin1Code ? 1.0 : 0.0;
            s += 1.2 * Math.Min(admin1Votes.GetValueOrDefault(p.Admin1Code) - own, 2.0);
        }

        return s;
    }

    /// <summary>True when some candidate of a linked neighbour holds <paramref name="p"/>, sits in it, or shares its district.</summary>
    private static bool TextContainment(GazetteerPlace p, List<PlaceMention> neighbours)
    {
        foreach (var n in neighbours)
        {
            var places = n.Places;
            for (var i = 0; i < places.Count; i++)
            {
                var q = places[i];
                if (q.Id != p.Id && (Contains(q, p) || Contains(p, q) || SameDistrict(p, q)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="outer"/> is an admin unit (or country) that holds <paramref name="inner"/>.</summary>
    internal static bool Contains(GazetteerPlace outer, GazetteerPlace inner) => outer.FeatureType switch
    {
        "country" => inner.Country == outer.Country && inner.FeatureType != "country",
        "admin1" => inner.FeatureType != "admin1" && inner.Admin1Code is not null && inner.Admin1Code == outer.Admin1Code,
        "admin2" => inner.FeatureType is not ("admin1" or "admin2") && inner.Admin2Code is not null && inner.Admin2Code == outer.Admin2Code,
        "region" => inner.FeatureType != "admin1" && inner.Admin1Code is not null && inner.Admin1Code == outer.Admin1Code,
        "city" or "town" => inner.FeatureType is "neighbourhood" or "village" && inner.Admin2Code is not null && inner.Admin2Code == outer.Admin2Code,
        _ => false,
    };

    private static bool SameDistrict(GazetteerPlace a, GazetteerPlace b) =>
        a.Id != b.Id && a.FeatureType is not ("admin1" or "country") && b.FeatureType is not ("admin1" or "country")
        && a.Admin2Code is not null && a.Admin2Code == b.Admin2Code;
}
