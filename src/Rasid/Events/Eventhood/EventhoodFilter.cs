using System.Globalization;

namespace Rasid.Events;

/// <summary>
/// The last eventhood decision (docs/eventhood.md): each output event is scored by the learned <see cref="EventhoodModel"/>
/// and dropped below its threshold. Without a weights file it keeps every event. Under `--explain` it prints each
/// event's features (the trainer reads them from there) and, for a dropped one, its score and the features against it.
/// </summary>
internal sealed class EventhoodFilter
{
    /// <summary>The prefix of the filter's `--explain` lines.</summary>
    public const string TracePrefix = "eventhood: ";

    /// <summary>What separates the decision from the feature list in a trace line.</summary>
    public const string FeaturesMark = " | features:";

    private readonly EventLexicon _lexicon;
    private readonly EventhoodModel? _model;

    /// <summary>Creates the filter; a null <paramref name="model"/> keeps every event.</summary>
    public EventhoodFilter(EventLexicon lexicon, EventhoodModel? model)
    {
        _lexicon = lexicon;
        _model = model;
    }

    /// <summary>The events of <paramref name="events"/> the model keeps, in order.</summary>
    public List<EventCandidate> Apply(List<EventCandidate> events, EventDocument document, Action<string>? trace)
    {
        if (_model is null && trace is null)
        {
            return events;
        }

        var kept = new List<EventCandidate>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var c = events[i];
            var x = EventhoodFeatures.Of(events, i, document, _lexicon);
            var score = _model?.Score(x);
            var keep = _model is null || score >= _model.Threshold;
            if (keep)
            {
                kept.Add(c);
            }

            if (trace is not null)
            {
                var decision = _model is null ? "kept (no weights file data/" + EventhoodModel.DataPath + ")"
                    : keep ? $"kept, score {F(score!.Value)} >= {F(_model.Threshold)}"
                    : $"dropped, score {F(score!.Value)} < {F(_model.Threshold)}; against: "
                      + string.Join(", ", _model.Against(x, 3).Select(f => $"{f.Feature} {F(f.Contribution)}"));
                var features = string.Join(' ', x.Select((v, k) => (v, k)).Where(f => f.v != 0).Select(f => $"{EventhoodFeatures.Names[f.k]}={F(f.v)}"));
                trace($"{TracePrefix}s{c.Sentence.ToString(CultureInfo.InvariantCulture)} {c.EventType}/{c.SubEventType}: {decision}{FeaturesMark} {features}");
            }
        }

        return kept;
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
