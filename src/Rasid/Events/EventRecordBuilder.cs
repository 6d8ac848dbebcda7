using System.Globalization;
using System.Text;
using Rasid.Actors;
using Rasid.Records;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>Turns merged candidates into output records: counts by ACLED's rules, actor names, evidence offsets and notes.</summary>
internal static partial class EventRecordBuilder
{
    /// <summary>Precision of a date taken from the publication date because the text states none: within the week.</summary>
    private const int DefaultDatePrecision = 2;

    /// <summary>Builds the output record of one event.</summary>
    /// <param name="c">The settled event.</param>
    /// <param name="text">The document's analysed text.</param>
    /// <param name="titleEnd">Where the headline ends in the normalised text (0 when there is none).</param>
    /// <param name="published">
    /// The publication date: an event whose text states no date is dated to it, as a news report's events are by
    /// default, with precision 2 (within the week) and no date_text.
    /// </param>
    public static EventRecord Build(EventCandidate c, AnalyzedText text, int titleEnd, DateOnly? published = null)
    {
        var (dateMention, evidence) = EventDateGuard.Settle(c, text, published);
        var date = dateMention is { } mention ? mention.Date : published;
        var country = c.Place?.Country;
        var fatalities = Count(c, "killed", text, titleEnd);
        var injured = Count(c, "injured", text, titleEnd);
        var captured = Count(c, "captured", text, titleEnd);
        var released = Count(c, "released", text, titleEnd);
        var placeSpan = c.Place is { Span.IsEmpty: false } place ? Span(text, place.Span) : null;
        var spans = new FieldSpans
        {
            Location = placeSpan,
            Date = dateMention is { } dm ? Span(text, dm.Span) : null,
            Fatalities = Span(text, fatalities.Span),
            Injured = Span(text, injured.Span),
            Captured = Span(text, captured.Span),
            Released = Span(text, released.Span),
        };
        var actor1 = ToRecord(c.Actor1, text, country);
        var actor2 = ToRecord(c.Actor2, text, country);
        var inferred = new List<string>();
        AddIf(inferred, "date", date is not null && (dateMention is null || EventDateGuard.IsOutsideReport(dateMention.Value, c, text)));
        AddIf(inferred, "actor1", actor1 is { Inferred: true });
        AddIf(inferred, "actor2", actor2 is { Inferred: true });
        AddIf(inferred, "location", c.Place is not null && placeSpan is null);
        var record = new EventRecord
        {
            EventType = c.EventType,
            SubEventType = c.SubEventType,
            Date = date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DatePrecision = date is null ? null : dateMention?.Precision ?? DefaultDatePrecision,
            DateText = dateMention is { } d ? Slice(text, d.Span) : null,
            Actor1 = actor1,
            AssocActor1 = c.Assoc1.Select(a => ToRecord(a, text, country)!).ToList(),
            Actor2 = actor2,
            AssocActor2 = c.Assoc2.Select(a => ToRecord(a, text, country)!).ToList(),
            Country = c.Place?.Country,
            Iso2 = c.Place?.Iso2,
            Admin1 = c.Place?.Admin1,
            Admin1Code = c.Place?.Admin1Code,
            Admin2 = c.Place?.Admin2,
            Admin3 = c.Place?.Admin3,
            Location = c.Place?.Location,
            LocationAr = c.Place?.LocationAr is { } ar ? string.Concat(ar.Where(ch => char.GetUnicodeCategory(ch) != UnicodeCategory.Format)).Trim() : null,
            Latitude = c.Place is null ? null : Math.Round(c.Place.Latitude, 5),
            Longitude = c.Place is null ? null : Math.Round(c.Place.Longitude, 5),
            GeoPrecision = c.Place?.GeoPrecision,
            Fatalities = fatalities.Value,
            Injured = injured.Value,
            Captured = captured.Value,
            Released = released.Value,
            CivilianTargeting = c.CivilianTargets,
            Tags = c.Tags.Order(StringComparer.Ordinal).ToList(),
            Evidence = Span(text, evidence) ?? new EvidenceRecord(),
            Trigger = Slice(text, c.TriggerSpan),
            Spans = spans == new FieldSpans() ? null : spans,
            Inferred = inferred.Count > 0 ? inferred : null,
        }.WithDistinctSides();
        return record with { Notes = Notes(record) };
    }

    private static void AddIf(List<string> list, string field, bool condition)
    {
        if (condition)
        {
            list.Add(field);
        }
    }

    /// <summary>A count and the words it was read from (from the first to the last figure that made it up).</summary>
    internal readonly record struct CountResult(int? Value, TextSpan? Span, string? Basis);

    /// <summary>
    /// ACLED's conservative counting: exact figures win over vague ones (عشرات = 10 only when nothing exact is stated);
    /// the figures of one sentence add up (both sides' dead), of different sentences the largest sentence total counts,
    /// the headline's figures count only when the body gives none, and subsets ("بينهم 3 أطفال") never add.
    /// </summary>
    internal static CountResult Count(EventCandidate c, string role, AnalyzedText text, int titleEnd)
    {
        var values = c.Casualties.Where(x => x.Role == role && !x.Subset).ToList();

        // A toll that sums up a period ("منذ بدء الحملة") or is an earlier act's ("بعد 4 أشهر من مقتل 7") counts only
        // when the event's reports give no other.
        if (values.Any(x => !x.Cumulative && !x.Earlier))
        {
            values = values.Where(x => !x.Cumulative && !x.Earlier).ToList();
        }

        if (values.Count == 0)
        {
            return default;
        }

        var exact = values.Where(x => !x.Vague).ToList();
        if (exact.Count == 0)
        {
            var lowest = values.MinBy(x => x.Value);
            return new CountResult(lowest.Value, SpanOrNull(lowest.Span), "the lowest of the vague figures");
        }

        // A figure far above the others is a war-wide or cumulative total ("70 ألف قتيل منذ بدء الحرب"), not this event's.
        var smallest = exact.Min(x => x.Value);
        exact = exact.Where(x => x.Value < 500 || x.Value < smallest * 20).ToList();

        // A vague figure of the same sentence as exact ones counts another group ("قتل 7 جنود وعشرات الحوثيين" = 17).
        var exactSentences = exact.Select(x => x.Sentence).ToHashSet();
        exact.AddRange(values.Where(x => x.Vague && exactSentences.Contains(x.Sentence)));
        var body = exact.Where(x => text.Sentences[x.Sentence].Span.Start >= titleEnd).ToList();
        var used = body.Count > 0 ? body : exact;

        // Figures of one sentence add up (both sides' dead: "قتل 39 متمردا و17 مقاتلا"). Other sentences of the event
        // restate its toll or give a part of it ("43 منهم في شمال القطاع"): the largest sentence total counts. Measured on
        // dev3 against summing all sentences (41%) and taking the lowest sentence (43%): 46% exact.
        var best = used.GroupBy(v => v.Sentence).Select(g => SentenceTotal(g.ToList())).MaxBy(g => g.Total);
        TextSpan? span = null;
        foreach (var figure in best.Figures.Where(f => !f.Span.IsEmpty))
        {
            span = span is { } s ? s.Union(figure.Span) : figure.Span;
        }

        var basis = best.Figures.Count > 1 ? $"the sum of {best.Figures.Count} figures of one sentence" : "one figure";
        if (used.Select(v => v.Sentence).Distinct().Count() > 1)
        {
            basis += ", the largest total of the event's sentences";
        }

        return new CountResult(best.Total, span, basis);
    }

    /// <summary>
    /// The figures of one sentence add up (both sides' dead), unless one of them is the sum of the others: a total and its
    /// breakdown ("13 قتيلا في صفوف العسكريين: اثنان قتلا في كمين ... و11 قتلوا" = 13, not 26).
    /// </summary>
    private static (int Total, List<CasualtyMention> Figures) SentenceTotal(List<CasualtyMention> figures)
    {
        // A total whose breakdown the event only partly holds (one place of several: "13 قتيلا: اثنان قتلا في نامبالا
        // ... و11 في غورما") counts its parts; a full breakdown counts the total.
        var parts = figures.Where(f => !f.Breakdown).ToList();
        if (parts.Count > 0 && parts.Count < figures.Count && figures.Count(f => f.Breakdown) == 1)
        {
            var total = figures.First(f => f.Breakdown);
            var sum = parts.Select(v => v.Value).Distinct().Sum();
            return sum == total.Value ? (sum, [total]) : (sum, parts);
        }

        var values = figures.Select(v => v.Value).Distinct().ToList();
        var largest = values.Max();
        if (values.Count >= 3 && values.Sum() - largest == largest)
        {
            return (largest, figures.Where(f => f.Value == largest).ToList());
        }

        return (values.Sum(), figures);
    }

    private static TextSpan? SpanOrNull(TextSpan span) => span.IsEmpty ? null : span;

    private static ActorRecord? ToRecord(AssignedActor? actor, AnalyzedText text, string? country)
    {
        if (actor is null)
        {
            return null;
        }

        var entry = actor.Entry;
        return new ActorRecord
        {
            Name = DisplayName(entry, country),
            NameAr = entry.NameAr,
            Inter = entry.Inter,
            Mention = actor.Mention is { } span ? Slice(text, span) : null,
            Span = actor.Mention is { } s ? Span(text, s) : null,
            Inferred = actor.Mention is null,
        };
    }

    /// <summary>A span of the normalised text as code-point offsets into the original text, with its words.</summary>
    private static EvidenceRecord? Span(AnalyzedText text, TextSpan? normalized)
    {
        if (normalized is not { IsEmpty: false } n)
        {
            return null;
        }

        var span = text.Normalized.ToOriginal(n);
        var original = text.Original;
        return new EvidenceRecord
        {
            Start = RasidJson.ToCodePointIndex(original, span.Start),
            End = RasidJson.ToCodePointIndex(original, span.End),
            Text = original[span.Start..span.End],
        };
    }

    /// <summary>Fills a generic name's "{country}" with the event's country, or drops the placeholder when unknown.</summary>
    internal static string DisplayName(ActorEntry entry, string? country)
    {
        if (!entry.IsGeneric)
        {
            return entry.Name;
        }

        return country is not null
            ? entry.Name.Replace("{country}", country, StringComparison.Ordinal)
            : entry.Name.Replace(" ({country})", string.Empty, StringComparison.Ordinal).Replace("{country}", string.Empty, StringComparison.Ordinal).Trim();
    }

    /// <summary>The original text of a span, without bidi or zero-width controls (they would break comparisons downstream).</summary>
    private static string Slice(AnalyzedText text, TextSpan normalized)
    {
        var span = text.Normalized.ToOriginal(normalized);
        var slice = text.Original[span.Start..span.End];
        return string.Concat(slice.Where(ch => char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.Format)).Trim();
    }

    /// <summary>One English sentence built from the fields, e.g. "On 11 May 2022, Military Forces of Yemen clashed with AQAP in Ataq (Shabwah); 2 killed, 1 injured.".</summary>
    internal static string Notes(EventRecord e)
    {
        var sb = new StringBuilder();
        sb.Append(e.Date is { } d
            ? "On " + DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture) + ", "
            : "On an unstated date, ");
        var a1 = e.Actor1?.Name ?? "unidentified actors";
        var a2 = e.Actor2?.Name;
        var target = a2 is null ? string.Empty : " " + a2;
        sb.Append(e.SubEventType switch
        {
            "Armed clash" => a2 is null ? $"{a1} were involved in an armed clash" : $"{a1} clashed with {a2}",
            "Government regains territory" or "Non-state actor overtakes territory" => $"{a1} took control of territory" + (a2 is null ? string.Empty : $" from {a2}"),
            "Air/drone strike" => $"{a1} carried out an air/drone strike" + (a2 is null ? string.Empty : $" on {a2}"),
            "Shelling/artillery/missile attack" => $"{a1} shelled" + (a2 is null ? " an area" : target),
            "Remote explosive/landmine/IED" => $"an explosive device attributed to {a1} went off" + (a2 is null ? string.Empty : $", hitting {a2}"),
            "Suicide bomb" => $"a suicide bombing by {a1}" + (a2 is null ? " took place" : $" targeted {a2}"),
            "Grenade" => $"{a1} threw a grenade" + (a2 is null ? string.Empty : $" at {a2}"),
            "Chemical weapon" => $"{a1} used chemical weapons" + (a2 is null ? string.Empty : $" against {a2}"),
            "Attack" => $"{a1} attacked" + (a2 is null ? " civilians" : target),
            "Abduction/forced disappearance" => $"{a1} abducted" + (a2 is null ? " people" : target),
            "Arrests" => $"{a1} arrested" + (a2 is null ? " people" : target),
            "Agreement" => a2 is null ? $"{a1} reached an agreement" : $"{a1} and {a2} reached an agreement",
            "Non-violent transfer of territory" => $"territory changed hands without fighting between {a1}" + (a2 is null ? string.Empty : $" and {a2}"),
            "Looting/property destruction" => $"{a1} looted or destroyed property" + (a2 is null ? string.Empty : $" of {a2}"),
            "Disrupted weapons use" => $"{a1} disrupted weapons use" + (a2 is null ? string.Empty : $" by {a2}"),
            "Peaceful protest" => $"{a1} held a peaceful protest",
            "Protest with intervention" => $"{a1} protested and {a2 ?? "authorities"} intervened",
            "Excessive force against protesters" => $"{a2 ?? "security forces"} used excessive force against {a1}",
            "Violent demonstration" => $"{a1} rioted",
            _ => $"{a1}: {e.SubEventType.ToLowerInvariant()}" + (a2 is null ? string.Empty : $" involving {a2}"),
        });
        if (e.Location is not null)
        {
            sb.Append(" in ").Append(e.Location);
            if (e.Admin1 is not null && e.Admin1 != e.Location)
            {
                sb.Append(" (").Append(e.Admin1).Append(')');
            }
        }

        var counts = new List<string>();
        void Add(int? n, string what)
        {
            if (n is { } v)
            {
                counts.Add($"{v.ToString(CultureInfo.InvariantCulture)} {what}");
            }
        }

        Add(e.Fatalities, "killed");
        Add(e.Injured, "injured");
        Add(e.Captured, "captured");
        Add(e.Released, "released");
        if (counts.Count > 0)
        {
            sb.Append("; ").Append(string.Join(", ", counts));
        }

        sb.Append('.');
        if (sb.Length > 0 && char.IsLower(sb[0]))
        {
            sb[0] = char.ToUpperInvariant(sb[0]);
        }

        return sb.ToString();
    }
}
