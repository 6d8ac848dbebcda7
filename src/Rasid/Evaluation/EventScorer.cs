using System.Globalization;
using System.Text;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Evaluation;

/// <summary>A predicted event paired (or not) with a gold event, for the report.</summary>
/// <param name="DocId">Document id.</param>
/// <param name="Predicted">The prediction, or null for a miss.</param>
/// <param name="Gold">The gold event, or null for a false positive.</param>
public sealed record ScoredPair(string DocId, EventRecord? Predicted, GoldEvent? Gold);

/// <summary>Correct/total for one field.</summary>
public sealed class FieldScore
{
    /// <summary>Pairs where the field was right.</summary>
    public int Correct { get; private set; }

    /// <summary>Pairs where the field was scored.</summary>
    public int Total { get; private set; }

    /// <summary>Correct / Total (1 when nothing was scored).</summary>
    public double Accuracy => Total == 0 ? 1 : (double)Correct / Total;

    internal void Add(bool correct)
    {
        Total++;
        if (correct)
        {
            Correct++;
        }
    }
}

/// <summary>Precision, recall and F1 from counts.</summary>
/// <param name="TruePositives">Predictions paired with non-optional gold events.</param>
/// <param name="FalsePositives">Predictions paired with nothing.</param>
/// <param name="FalseNegatives">Non-optional gold events paired with nothing.</param>
public readonly record struct PrfScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>TP / (TP + FP).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN).</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Sum of two scores.</summary>
    public static PrfScore operator +(PrfScore a, PrfScore b) =>
        new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>The result of scoring predictions against gold.</summary>
public sealed class EvaluationReport
{
    /// <summary>Detection P/R/F1 (pairs need the same event_type and admin1_code; an optional gold event without a province pairs on type alone).</summary>
    public PrfScore Detection { get; internal set; }

    /// <summary>Strict P/R/F1 (pairs also need the same sub_event_type and location).</summary>
    public PrfScore Strict { get; internal set; }

    /// <summary>Per-field accuracy on detection pairs, by field name.</summary>
    public SortedDictionary<string, FieldScore> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-document detection scores.</summary>
    public SortedDictionary<string, PrfScore> PerDocument { get; } = new(StringComparer.Ordinal);

    /// <summary>Every pair, miss and false positive, for the report.</summary>
    public List<ScoredPair> Pairs { get; } = [];
}

/// <summary>
/// Scores predicted events against gold files exactly as docs/event-schema.md describes: per document, one-to-one
/// greedy pairing on the best score among candidates with equal event_type and admin1_code (preferring the same
/// sub_event_type, then the same location, then evidence overlap).
/// </summary>
public static class EventScorer
{
    /// <summary>Scores <paramref name="predictions"/> (by doc id) against <paramref name="gold"/>; <paramref name="texts"/> (doc id → text evidence offsets refer to) is optional.</summary>
    public static EvaluationReport Score(
        IReadOnlyList<GoldDocument> gold,
        IReadOnlyDictionary<string, DocumentResult> predictions,
        IReadOnlyDictionary<string, string>? texts = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        var report = new EvaluationReport();
        foreach (var field in new[] { "sub_event_type", "location", "actor1", "actor2", "date", "fatalities", "injured", "captured", "released" })
        {
            report.Fields[field] = new FieldScore();
        }

        foreach (var g in gold)
        {
            var predicted = predictions.TryGetValue(g.DocId, out var r) ? r.Events : [];
            string? text = texts is not null && texts.TryGetValue(g.DocId, out var t) ? t : r?.Text;
            var detection = Match(g.Events, predicted, text, strict: false, out var pairs);
            var strict = Match(g.Events, predicted, text, strict: true, out _);
            report.Detection += detection;
            report.Strict += strict;
            report.PerDocument[g.DocId] = detection;
            var pairedPredictions = new HashSet<int>();
            var pairedGold = new HashSet<int>();
            foreach (var (p, q) in pairs)
            {
                pairedPredictions.Add(p);
                pairedGold.Add(q);
                ScoreFields(report, predicted[p], g.Events[q]);
                report.Pairs.Add(new ScoredPair(g.DocId, predicted[p], g.Events[q]));
            }

            for (var q = 0; q < g.Events.Count; q++)
            {
                if (!pairedGold.Contains(q))
                {
                    report.Pairs.Add(new ScoredPair(g.DocId, null, g.Events[q]));
                }
            }

            for (var p = 0; p < predicted.Count; p++)
            {
                if (!pairedPredictions.Contains(p))
                {
                    report.Pairs.Add(new ScoredPair(g.DocId, predicted[p], null));
                }
            }
        }

        return report;
    }

    private static PrfScore Match(IReadOnlyList<GoldEvent> gold, IReadOnlyList<EventRecord> predicted, string? text, bool strict, out List<(int P, int G)> pairs)
    {
        var candidates = new List<(int Score, int P, int G)>();
        for (var p = 0; p < predicted.Count; p++)
        {
            for (var q = 0; q < gold.Count; q++)
            {
                var e = predicted[p];
                var ge = gold[q];
                if (!string.Equals(e.EventType, ge.EventType, StringComparison.Ordinal)
                    || !(string.Equals(e.Admin1Code, ge.Admin1Code, StringComparison.Ordinal) || PairsOnTypeAlone(ge)))
                {
                    continue;
                }

                var sameSub = SubEventMatches(e, ge);
                var sameLocation = LocationMatches(e, ge);
                if (strict && !(sameSub && sameLocation))
                {
                    continue;
                }

                var score = (sameSub ? 4 : 0) + (sameLocation ? 2 : 0) + (EvidenceOverlaps(e, ge, text) ? 1 : 0);
                candidates.Add((score, p, q));
            }
        }

        pairs = [];
        var usedP = new HashSet<int>();
        var usedG = new HashSet<int>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.P).ThenBy(c => c.G))
        {
            if (usedP.Contains(c.P) || usedG.Contains(c.G))
            {
                continue;
            }

            usedP.Add(c.P);
            usedG.Add(c.G);
            pairs.Add((c.P, c.G));
        }

        var tp = pairs.Count(x => !gold[x.G].Optional);
        var fp = predicted.Count - pairs.Count;
        var fn = gold.Count(x => !x.Optional) - tp;
        return new PrfScore(tp, fp, fn);
    }

    /// <summary>An optional gold event with no province (a place wider than one province) pairs on event type alone.</summary>
    private static bool PairsOnTypeAlone(GoldEvent g) => g.Optional && g.Admin1Code is null;

    /// <summary>Battles and Agreements have no perpetrator and target: either actor order is accepted.</summary>
    private static bool EitherActorOrder(GoldEvent g) =>
        string.Equals(g.EventType, "Battles", StringComparison.Ordinal)
        || g.SubEventTypes.Contains("Agreement", StringComparer.Ordinal);

    private static void ScoreFields(EvaluationReport report, EventRecord e, GoldEvent g)
    {
        report.Fields["sub_event_type"].Add(SubEventMatches(e, g));
        report.Fields["location"].Add(LocationMatches(e, g));
        var straight = (A1: g.Actor1 is null || ActorMatches(e.Actor1, g.Actor1), A2: g.Actor2 is null || ActorMatches(e.Actor2, g.Actor2));
        if (EitherActorOrder(g))
        {
            var swapped = (A1: g.Actor1 is null || ActorMatches(e.Actor2, g.Actor1), A2: g.Actor2 is null || ActorMatches(e.Actor1, g.Actor2));
            if ((swapped.A1 ? 1 : 0) + (swapped.A2 ? 1 : 0) > (straight.A1 ? 1 : 0) + (straight.A2 ? 1 : 0))
            {
                straight = swapped;
            }
        }

        if (g.Actor1 is not null)
        {
            report.Fields["actor1"].Add(straight.A1);
        }

        if (g.Actor2 is not null)
        {
            report.Fields["actor2"].Add(straight.A2);
        }

        if (g.Date is not null)
        {
            report.Fields["date"].Add(string.Equals(e.Date, g.Date, StringComparison.Ordinal));
        }

        AddCount(report, "fatalities", e.Fatalities, g.Fatalities);
        AddCount(report, "injured", e.Injured, g.Injured);
        AddCount(report, "captured", e.Captured, g.Captured);
        AddCount(report, "released", e.Released, g.Released);
    }

    private static void AddCount(EvaluationReport report, string field, int? predicted, int? gold)
    {
        if (gold is not null)
        {
            report.Fields[field].Add(predicted == gold);
        }
    }

    /// <summary>True when the predicted sub-event type is one of the gold's accepted ones.</summary>
    public static bool SubEventMatches(EventRecord e, GoldEvent g)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(g);
        return g.SubEventTypes.Contains(e.SubEventType, StringComparer.Ordinal);
    }

    /// <summary>True when the predicted location_ar, normalised, is in the gold list.</summary>
    public static bool LocationMatches(EventRecord e, GoldEvent g)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(g);
        if (e.LocationAr is null)
        {
            return false;
        }

        var p = NormalizeForScoring(e.LocationAr);
        return g.LocationAr.Any(l => string.Equals(NormalizeForScoring(l), p, StringComparison.Ordinal));
    }

    /// <summary>True when the actor's name, name_ar or mention equals one of <paramref name="accepted"/> or contains one as a whole word (normalised).</summary>
    public static bool ActorMatches(ActorRecord? actor, IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (actor is null)
        {
            return false;
        }

        foreach (var value in new[] { actor.Name, actor.NameAr, actor.Mention })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var words = NormalizeForScoring(value).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var a in accepted)
            {
                var target = NormalizeForScoring(a).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (target.Length > 0 && ContainsSequence(words, target))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The spec's normalisation for comparing strings: no diacritics or tatweel, أ إ آ ٱ → ا, ى → ي, ة → ه, no leading "ال"
    /// on any word; Latin lower-cased; punctuation treated as a word break.
    /// </summary>
    public static string NormalizeForScoring(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var folded = ArabicNormalizer.Normalize(value).Text.ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Length > 2 && w.StartsWith("ال", StringComparison.Ordinal) ? w[2..] : w);
        return string.Join(' ', words);
    }

    private static bool ContainsSequence(string[] words, string[] target)
    {
        for (var i = 0; i + target.Length <= words.Length; i++)
        {
            var ok = true;
            for (var j = 0; j < target.Length && ok; j++)
            {
                ok = string.Equals(words[i + j], target[j], StringComparison.Ordinal);
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EvidenceOverlaps(EventRecord e, GoldEvent g, string? text)
    {
        if (string.IsNullOrEmpty(g.Evidence))
        {
            return false;
        }

        if (text is not null)
        {
            var at = text.IndexOf(g.Evidence, StringComparison.Ordinal);
            if (at >= 0)
            {
                var start = RasidJson.ToCodePointIndex(text, at);
                var end = RasidJson.ToCodePointIndex(text, at + g.Evidence.Length);
                return e.Evidence.Start < end && start < e.Evidence.End;
            }
        }

        return e.Evidence.Text is not null && (e.Evidence.Text.Contains(g.Evidence, StringComparison.Ordinal) || g.Evidence.Contains(e.Evidence.Text, StringComparison.Ordinal));
    }

    /// <summary>Formats a ratio as a percentage for reports.</summary>
    public static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
