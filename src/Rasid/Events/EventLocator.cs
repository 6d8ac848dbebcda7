using Rasid.Places;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// Where an event happened, given the document's places (<see cref="PlaceAnalysis"/>): the place in the trigger's own
/// stretch of its clause wins, then its clause, then up to the next trigger, then the clauses before it, then the whole
/// sentence; after that the unit the sentence refers back to, the paragraph, the headline, the next sentence, the
/// document's dominant place, its country. One instance per document.
/// </summary>
internal sealed partial class EventLocator
{
    /// <summary>How far after the event's sentence (characters) a place may still be taken when none precedes it.</summary>
    private const int FollowingWindow = 400;

    /// <summary>Most places one reported act is split into ("في X وY وZ").</summary>
    private const int MaxCoordinated = 4;

    private readonly PlaceAnalysis _places;
    private readonly IReadOnlyList<PlaceMention> _details;
    private readonly AnalyzedText _text;
    private readonly Gazetteer _gazetteer;
    private readonly HashSet<string> _anaphorAdmin1;
    private readonly HashSet<string> _anaphorAdmin2;
    private readonly HashSet<string> _anaphorTown;

    /// <summary>Creates the locator of one document.</summary>
    /// <param name="places">The document's places.</param>
    /// <param name="text">The analysed text the places were found in.</param>
    /// <param name="gazetteer">The gazetteer (the country fallback and the stretch words).</param>
    public EventLocator(PlaceAnalysis places, AnalyzedText text, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gazetteer);
        _places = places;
        _details = places.Details;
        _text = text;
        _gazetteer = gazetteer;
        _anaphorAdmin1 = gazetteer.Context("anaphor_admin1");
        _anaphorAdmin2 = gazetteer.Context("anaphor_admin2");
        _anaphorTown = gazetteer.Context("anaphor_town");
    }

    /// <summary>
    /// Gives <paramref name="candidate"/> its place: the trigger's own stretch, its clause, the sentence and the fallbacks of
    /// <see cref="LocateEvent"/>; a country alone is refined by the next sentence when that sentence reports no other kind of act.
    /// </summary>
    public void Locate(EventCandidate candidate, SentenceScope scope, PhraseMatch<IReadOnlyList<TriggerClass>> trigger, Sentence clause)
    {
        var text = _text;
        var tokens = text.Tokens;
        var s = scope.Index;
        var sentence = scope.Sentence;
        var cls = trigger.Value[0];
        var nextIsOther = s + 1 < text.Sentences.Count && scope.Document.TriggersBySentence[s + 1].Any(m => m.Value[0].Name != cls.Name);
        var followingLimit = nextIsOther ? text.Sentences[s + 1].Span.Start : int.MaxValue;
        Place(candidate, NarrowScope(trigger.FirstToken, scope.Triggers, sentence, tokens), clause.TokenCount == 0 ? sentence.Span : clause.Span, followingLimit);
        if (candidate.Place is { FeatureType: FeatureTypes.Country } countryOnly && s + 1 < text.Sentences.Count && !nextIsOther)
        {
            // "هجوم في الصومال ..." followed by "... في منطقة جوبالاند": the next sentence often says where in the country.
            var next = LocateEvent(text.Sentences[s + 1].Span, text.Sentences[s + 1].Span);
            if (next is { Admin1Code: not null } && next.Iso2 == countryOnly.Iso2 && text.Sentences[s + 1].Span.Contains(next.Span))
            {
                (candidate.Place, candidate.PlaceInSentence) = (next, true);
            }
        }
    }

    /// <summary>
    /// The stretch of a sentence that belongs to one trigger when the sentence reports several events: from the trigger
    /// to the next trigger that is more than a few words away.
    /// </summary>
    private static TextSpan NarrowScope(int trigger, List<PhraseMatch<IReadOnlyList<TriggerClass>>> inSentence, Sentence sentence, IReadOnlyList<Token> tokens)
    {
        var next = inSentence.Where(m => m.FirstToken > trigger + 3).Select(m => m.FirstToken).DefaultIfEmpty(sentence.EndToken).Min();
        return new TextSpan(tokens[trigger].Start, tokens[Math.Max(trigger, next - 1)].End);
    }

    private void Place(EventCandidate c, TextSpan narrow, TextSpan clause, int followingLimit)
    {
        // Prefer a place in the trigger's own stretch of its clause, then in its clause ("... ردا على قصف X" names the
        // place of another act), then up to the next trigger, then in the clauses up to the trigger's; otherwise let the
        // geocoder look at the whole sentence.
        // A later clause's place belongs to that clause's own act: the clauses up to the trigger's come first.
        var own = new TextSpan(narrow.Start, Math.Min(narrow.End, clause.End));
        var upToClause = new TextSpan(c.SentenceSpan.Start, clause.End);
        TextSpan[] scopes = [own, clause, narrow, upToClause];
        var scope = scopes.FirstOrDefault(x => x != c.SentenceSpan && x.Length > 0 && NamesEventPlace(x), c.SentenceSpan);
        var place = LocateEvent(c.TriggerSpan, scope, followingLimit);
        // A small place abroad in an article about another country is usually a local place missing from the
        // gazetteer that shares a foreign name: prefer a place of the article's country named in the same sentence.
        if (place is { FeatureType: FeatureTypes.Village or FeatureTypes.Neighbourhood or FeatureTypes.Town or FeatureTypes.Other } && _places.DocumentCountry is { } home && place.Iso2 != home)
        {
            var local = _places.Mentions
                .Where(p => p.Iso2 == home && p.Admin1Code is not null && c.SentenceSpan.Contains(p.Span))
                .OrderBy(p => Math.Abs(p.Span.Start - c.TriggerSpan.Start))
                .FirstOrDefault();
            place = local ?? place;
        }

        c.Place = place;

        // "في المحافظة" names the province of an earlier sentence: the sentence itself states the place.
        c.PlaceInSentence = place is not null
                            && (c.SentenceSpan.Contains(place.Span) || place.Reason?.StartsWith("the unit the sentence refers back to", StringComparison.Ordinal) == true);
    }

    /// <summary>True when the event's place is named in its sentences or the ones around them (or, for a strategic development, in the headline).</summary>
    public static bool PlaceNearby(EventCandidate c, AnalyzedText text)
    {
        var first = c.Sentences.Min();
        var from = first > 0 ? text.Sentences[first - 1].Span.Start : c.SentenceSpan.Start;
        var last = Math.Min(text.Sentences.Count - 1, c.Sentences.Max() + 1);
        // Strategic developments (deals, arrests) reported in an article usually happen at its headline place;
        // violence needs a place of its own.
        var inHeadline = c.EventType == EventTypes.StrategicDevelopments && text.Sentences.Count > 0 && text.Sentences[0].Span.Contains(c.Place!.Span);
        return inHeadline || c.Place!.Span.Start >= from && c.Place.Span.End <= text.Sentences[last].Span.End;
    }

    /// <summary>
    /// One event per place: a report of one act at several coordinated places ("انفجار عبوتين في قضاء المقدادية وناحية
    /// كنعان") becomes an event at each. A toll stated for all of them cannot be divided, so the split events carry none.
    /// </summary>
    public IEnumerable<EventCandidate> SplitByPlace(IEnumerable<EventCandidate> events)
    {
        foreach (var e in events)
        {
            yield return e;
            if (e.Place is null || !e.PlaceInSentence || e.EventType == EventTypes.StrategicDevelopments && e.SubEventType is "Agreement")
            {
                continue;
            }

            var others = CoordinatedWith(e.Place).Where(p => e.SentenceSpan.Contains(p.Span)).ToList();
            if (others.Count == 0)
            {
                continue;
            }

            e.Casualties.Clear();
            foreach (var place in others)
            {
                yield return e.CopyAt(place);
            }
        }
    }

    /// <summary>
    /// The location of an event whose trigger is at <paramref name="anchor"/> inside <paramref name="scope"/>
    /// (its clause or sentence; normalised coordinates): the place tied to the trigger, else a fallback with
    /// lower precision; null when nothing fits.
    /// </summary>
    /// <param name="anchor">The trigger's span.</param>
    /// <param name="scope">The clause or sentence the event is reported in.</param>
    /// <param name="followingLimit">Places at or after this position (normalised) are never taken as a following place:
    /// the caller passes the start of the next sentence that reports another kind of act, whose places are its own.</param>
    public ResolvedPlace? LocateEvent(TextSpan anchor, TextSpan scope, int followingLimit = int.MaxValue)
    {
        var accepted = Accepted();
        if (accepted.Count == 0 && _places.Mentions.Count == 0)
        {
            return null;
        }

        if (accepted.Count == 0)
        {
            // Built from plain resolved places: nearest preceding or first.
            return _places.Mentions.LastOrDefault(p => p.Span.End <= anchor.Start) ?? _places.Mentions[0];
        }

        var inScope = AcceptedOverlapping(scope);
        var specific = inScope.Where(m => m.Chosen!.FeatureType != FeatureTypes.Country && !m.IsReportingSource).ToList();
        if (specific.Count > 0)
        {
            var best = Anchored(specific.MinBy(m => Cost(m, anchor))!, specific);
            var chosen = MostSpecific(best, specific);
            return With(chosen, chosen == best
                ? $"in the event's sentence, nearest the trigger ({chosen.Resolved!.Reason})"
                : $"in the event's sentence, most specific of '{best.Text}' ({chosen.Resolved!.Reason})");
        }

        var country = inScope.FirstOrDefault(m => m.Chosen!.FeatureType == FeatureTypes.Country)?.Chosen!.Country;
        var othersIndex = Others(country);
        var others = othersIndex.Mentions;

        // "في المحافظة", "المديرية", "المدينة": the unit named last before the event.
        var anaphor = Anaphor(scope);
        if (anaphor is not null && PrecedingBackward(others, scope.Start).FirstOrDefault(m => anaphor.Contains(m.Chosen!.FeatureType)) is { } referent)
        {
            return With(referent, "the unit the sentence refers back to");
        }

        var paragraphStart = ParagraphStart(scope.Start);
        if (PrecedingBackward(others, scope.Start, paragraphStart).FirstOrDefault() is { } last)
        {
            // A town named in an earlier sentence than its province's own mention may belong to another event:
            // the province is the safe answer. In the province's own sentence the most specific place wins.
            var province = PrecedingBackward(others, scope.Start, paragraphStart).FirstOrDefault(m => m.Chosen!.FeatureType is FeatureTypes.Admin1 or FeatureTypes.Region);
            if (province is not null && province != last && province.Chosen!.Admin1Code == last.Chosen!.Admin1Code
                && SentenceIndex(province.NameSpan.Start) != SentenceIndex(last.NameSpan.Start))
            {
                return With(province, "province named earlier in the paragraph");
            }

            return With(last, "nearest preceding place in the paragraph");
        }

        var title = TitlePlace(othersIndex);
        if (title is not null)
        {
            return With(title, "title place");
        }

        var following = FirstFollowing(others, scope.End, FollowingWindow, followingLimit);
        if (following is not null)
        {
            return With(following, "nearest following place");
        }

        var before = PrecedingBackward(others, scope.Start).FirstOrDefault();
        if (before is not null)
        {
            return With(before, "nearest preceding place");
        }

        var dominant = DominantOf(othersIndex);
        if (dominant is not null)
        {
            return With(dominant, "the document's dominant place");
        }

        var iso = country ?? _places.DocumentCountry;
        if (iso is not null && _gazetteer.CountryPlace(iso) is { } place)
        {
            var countryMention = inScope.Concat(accepted).FirstOrDefault(m => m.Chosen!.Country == iso && m.Chosen.FeatureType == FeatureTypes.Country);
            return PlaceOutput.Make(_gazetteer, place, countryMention?.Resolved!.LocationAr ?? place.NameAr, 3,
                countryMention?.Span ?? default, "only the country is known");
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="scope"/> names a place where something can happen: an accepted mention that is not a
    /// destination, an origin or landmark, or a news source's location.
    /// </summary>
    public bool NamesEventPlace(TextSpan scope) => _details.Count == 0
        ? _places.Mentions.Any(p => scope.Contains(p.Span))
        : AnyAcceptedInside(scope, m => !m.IsDestination && !m.IsReferencePoint && !m.IsReportingSource);
}
