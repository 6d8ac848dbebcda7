using Rasid.Places;
using Rasid.Records;

namespace Rasid.Events;

/// <summary>
/// The cues the eventhood filter weighs for one output event (docs/eventhood.md): what the pipeline already knows about
/// the event and its sentence, each a number in [0, 1]. No words of a document: only classes from the existing lexicons
/// (reporting verbs, modality and background cues).
/// </summary>
internal static class EventhoodFeatures
{
    /// <summary>The feature names, in vector order (the weights file names them; unknown names there are an error).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "type_battles", "type_remote", "type_civilians", "type_protest_riot", "type_strategic",
        "specific_trigger", "toll", "toll_cumulative_only", "actor1_named", "actor2_named", "actor1_inferred",
        "place_in_sentence", "place_province_only", "place_precise", "date_in_sentence", "date_none", "date_old",
        "in_title", "first_body_sentence", "sentence_position", "merged_sentences",
        "restatement_only", "refers_back", "reporting_verb_start", "reporting_verb_before", "quote_in_sentence",
        "modality_before", "background_in_sentence", "since_period_in_sentence",
        "same_type_province_earlier", "same_province_earlier", "shares_sentence", "first_event", "events_in_doc",
        "triggers_in_sentence", "sentence_length", "doc_armed_violence",
        "place_abroad", "doc_length", "provinces_in_doc", "modality_in_sentence", "toll_in_sentence_not_event", "after_first_event",
    ];

    /// <summary>The position of feature <paramref name="name"/> in <see cref="Names"/>, or -1.</summary>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>How many days before publication an event's date makes it background.</summary>
    private const int OldDays = 7;

    /// <summary>The feature vector of <paramref name="events"/>[<paramref name="index"/>], in <see cref="Names"/> order.</summary>
    public static double[] Of(List<EventCandidate> events, int index, EventDocument document, EventLexicon lexicon)
    {
        var c = events[index];
        var text = document.Text;
        var tokens = text.Tokens;
        var sentence = text.Sentences[c.Sentence];
        var titleEnd = document.Context.TitleEnd;
        var published = document.Context.Published;
        var firstBody = 0;
        while (firstBody < text.Sentences.Count - 1 && text.Sentences[firstBody].Span.Start < titleEnd)
        {
            firstBody++;
        }

        var before = Enumerable.Range(sentence.FirstToken, Math.Max(0, c.TriggerToken - sentence.FirstToken));
        var killedOrInjured = c.Casualties.Where(x => x.Role is "killed" or "injured").ToList();
        var sentences = c.Sentences.Distinct().Count();
        var v = new double[Names.Count];
        var i = 0;
        void Set(bool value) => v[i++] = value ? 1 : 0;
        void Put(double value) => v[i++] = Math.Clamp(value, 0, 1);

        Set(c.EventType == EventTypes.Battles);
        Set(c.EventType == EventTypes.RemoteViolence);
        Set(c.EventType == EventTypes.ViolenceAgainstCivilians);
        Set(c.EventType is EventTypes.Protests or EventTypes.Riots);
        Set(c.EventType == EventTypes.StrategicDevelopments);
        Set(c.HasSpecificTrigger);
        Set(killedOrInjured.Any(x => !x.Cumulative));
        Set(killedOrInjured.Count > 0 && killedOrInjured.All(x => x.Cumulative));
        Set(c.Actor1?.Mention is not null);
        Set(c.Actor2?.Mention is not null);
        Set(c.Actor1 is { Mention: null });
        Set(c.PlaceInSentence);
        Set(c.Place?.FeatureType == FeatureTypes.Admin1);
        Set(c.Place is { GeoPrecision: 1 });
        Set(c.DateInSentence);
        Set(c.Date?.Date is null);
        Set(published is { } p && c.Date?.Date is { } d && d.DayNumber < p.DayNumber - OldDays);
        Set(titleEnd > 0 && sentence.Span.Start < titleEnd);
        Set(c.Sentence == firstBody);
        Put(text.Sentences.Count <= 1 ? 0 : (double)c.Sentence / (text.Sentences.Count - 1));
        Put((sentences - 1) / 3.0);
        Set(c.RestatementOnly);
        Set(c.RefersBack);
        Set(sentence.TokenCount > 0 && lexicon.IsCue(CueSet.ReportingVerb, tokens[sentence.FirstToken].Text));
        Set(before.Any(t => lexicon.IsCue(CueSet.ReportingVerb, tokens[t].Text)));
        Set(text.Normalized.Text.AsSpan(sentence.Span.Start, sentence.Span.End - sentence.Span.Start).IndexOfAny("«»\"“”") >= 0);
        Set(document.Modality.Any(m => m.FirstToken >= sentence.FirstToken && m.FirstToken < c.TriggerToken));
        Set(document.Background.Any(m => m.FirstToken >= sentence.FirstToken && m.FirstToken < sentence.EndToken));
        Set(Enumerable.Range(sentence.FirstToken, sentence.TokenCount).Any(t => lexicon.IsSincePeriod(tokens, t, orStart: true, sentence.EndToken)));
        var earlier = events.Take(index).Where(o => o.Place?.Admin1Code is not null && o.Place.Admin1Code == c.Place?.Admin1Code).ToList();
        Set(earlier.Any(o => o.EventType == c.EventType));
        Set(earlier.Count > 0);
        Set(events.Any(o => o != c && o.Sentences.Intersect(c.Sentences).Any()));
        Set(index == 0);
        Put(Math.Log2(events.Count) / 4);
        Put((document.TriggersBySentence[c.Sentence].Count - 1) / 4.0);
        Put(sentence.TokenCount / 80.0);
        Set(document.ReportsArmedViolence);
        Set(c.Place is { } place && document.Context.Places.DocumentCountry is { } country && place.Iso2 != country);
        Put(Math.Log2(text.Sentences.Count) / 6);
        Set(events.Select(o => o.Place?.Admin1Code).Distinct(StringComparer.Ordinal).Count() > 1);
        Set(document.Modality.Any(m => m.FirstToken >= sentence.FirstToken && m.FirstToken < sentence.EndToken));
        Set(killedOrInjured.Count == 0 && document.CasualtiesBySentence[c.Sentence].Any(x => x.Role is "killed" or "injured"));
        Put((c.Sentence - events.Min(o => o.Sentence)) / 10.0);
        return v;
    }
}
