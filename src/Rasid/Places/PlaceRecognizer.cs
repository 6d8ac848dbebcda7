using Rasid.Text;


namespace Rasid.Places;

/// <summary>
/// Place recognition: names are matched with <see cref="PhraseMatcher{T}"/> and the gazetteer's <see cref="NameIndex"/>
/// on clitic readings of each token (with and without ال, multi-word, longest first); cue words before a name set its
/// feature type and precision; context words (data/gazetteer/context_words.tsv) mark destinations, origins, landmarks,
/// news sources and parts of person names.
/// </summary>
internal sealed partial class PlaceRecognizer
{
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
    private readonly HashSet<string> _linkGapWords;

    public PlaceRecognizer(Gazetteer gazetteer)
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
        _linkGapWords = gazetteer.Context("link_gap");
        _groupWeight = gazetteer.GroupWeight;
    }

    /// <summary>Every place name of <paramref name="text"/> with its cues and candidates; nationality adjectives go to <paramref name="adjectives"/> (one ISO2 per half vote).</summary>
    public List<PlaceMention> Recognize(AnalyzedText text, List<string> adjectives)
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

    private bool OnlySmallPlaces(IReadOnlyList<int> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (_gazetteer.Places[ids[i]].FeatureType is not (FeatureTypes.Village or FeatureTypes.Neighbourhood or FeatureTypes.Other))
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
            if (!FeatureTypes.IsSmall(p.FeatureType))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AdjacentToPrevious(List<PlaceMention> mentions, int firstToken) =>
        mentions.Count > 0 && mentions[^1].EndToken == firstToken;
}
