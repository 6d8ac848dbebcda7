using Rasid.Records;

namespace Rasid.Dedup;

/// <summary>
/// The cross-report merge rule, as pure functions: whether a mention belongs to an event assembled from other mentions,
/// and how the members make one event. The rule (docs/store.md):
/// <list type="bullet">
/// <item>never two mentions of the same document, never different countries or first-level units (admin1 codes), and never a mention without an admin1 code;</item>
/// <item>the same event type, or Battles with Explosions/Remote violence when at least one named actor is shared (the Battle absorbs the strike);</item>
/// <item>resolved dates at most <see cref="DedupOptions.MaxDayGap"/> apart; a mention with no date stands for the days
/// <see cref="DedupOptions.PublicationWindowDays"/> before its publication up to it, and must overlap;</item>
/// <item>the same admin2, or coordinates within <see cref="DedupOptions.MaxDistanceKm"/>, or (neither known) the same location;</item>
/// <item>compatible actors: on each side the same name or one side unknown (absent or "Unidentified Armed Group"); Battles may list the sides swapped.</item>
/// </list>
/// A mention joins an event only when it is compatible with every member (no chaining through a bridge mention).
/// </summary>
public static class EventMerger
{
    /// <summary>
    /// The ACLED event types from highest to lowest: an event coded from several kinds of violence takes the highest.
    /// The one hierarchy of <see cref="EventTypes"/>, shared with the in-document merge; read only by <see cref="TypeRank"/>.
    /// </summary>
    public static IReadOnlyList<string> TypeOrder { get; } = EventTypes.Hierarchy;

    /// <summary>The actor name that stands for "unknown perpetrator" and is compatible with any named actor.</summary>
    public const string UnidentifiedActor = "Unidentified Armed Group";

    /// <summary>
    /// The days <paramref name="mention"/> may fall on: its resolved date, or the publication window before its publication
    /// date; null when it has neither (such a mention is never merged).
    /// </summary>
    public static DateWindow? WindowOf(DedupMention mention, DedupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mention);
        options ??= DedupOptions.Default;
        if (ParseDate(mention.Record.Date) is { } date)
        {
            return new DateWindow(date, date);
        }

        return mention.Published is { } p ? new DateWindow(p.AddDays(-options.PublicationWindowDays), p) : null;
    }

    /// <summary>True when <paramref name="candidate"/> may join the event made of <paramref name="members"/>: compatible with each one.</summary>
    public static bool CanJoin(IReadOnlyList<DedupMention> members, DedupMention candidate, DedupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(candidate);
        if (members.Count == 0)
        {
            return false;
        }

        foreach (var m in members)
        {
            if (!AreCompatible(m, candidate, options))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when two mentions may report the same real event (the pairwise rule in the class summary).</summary>
    public static bool AreCompatible(DedupMention a, DedupMention b, DedupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= DedupOptions.Default;
        var ra = a.Record;
        var rb = b.Record;
        if (string.Equals(a.DocumentId, b.DocumentId, StringComparison.Ordinal))
        {
            return false;
        }

        if (string.IsNullOrEmpty(ra.Admin1Code) || !string.Equals(ra.Admin1Code, rb.Admin1Code, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (ra.Iso2 is not null && rb.Iso2 is not null && !string.Equals(ra.Iso2, rb.Iso2, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return TypesCompatible(ra, rb) && DatesCompatible(a, b, options) && PlacesCompatible(ra, rb, options) && ActorsCompatible(ra, rb);
    }

    /// <summary>
    /// Makes one event of <paramref name="members"/> (at least one). Counts: for each of fatalities, injured, captured and
    /// released, the lowest non-null figure of any source (ACLED's most conservative credible figure), null when no source
    /// gives one; ties go to the smallest mention key. Type: the highest in <see cref="TypeOrder"/>; date: the earliest
    /// resolved date of the best precision; place: the most precise (lowest geo_precision); actors: the first named ones.
    /// Everything else comes from the member with the highest type, smallest key first. The two sides always differ
    /// (<see cref="EventRecord.WithDistinctSides"/>); a record merged from several documents carries no field spans.
    /// </summary>
    public static MergedEvent Merge(IReadOnlyList<DedupMention> members, DedupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("an event needs at least one mention", nameof(members));
        }

        var ordered = members.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        var head = ordered.OrderBy(m => TypeRank(m.Record.EventType)).First().Record;

        var dated = ordered.Where(m => ParseDate(m.Record.Date) is not null)
            .OrderBy(m => m.Record.DatePrecision ?? 9).ThenBy(m => ParseDate(m.Record.Date)).FirstOrDefault()?.Record;
        var placed = ordered.OrderBy(m => m.Record.GeoPrecision ?? 9).ThenBy(m => m.Record.Latitude is null ? 1 : 0).First().Record;
        var actor1 = ordered.Select(m => m.Record).FirstOrDefault(r => IsNamed(r.Actor1)) ?? head;
        // The second side comes from a member whose actor2 is not the first side (members may name the sides differently).
        var actor2 = ordered.Select(m => m.Record).FirstOrDefault(r => IsNamed(r.Actor2) && !string.Equals(r.Actor2!.Name, actor1.Actor1?.Name, StringComparison.Ordinal)) ?? head;

        var (fatalities, fSource) = Lowest(ordered, r => r.Fatalities);
        var (injured, iSource) = Lowest(ordered, r => r.Injured);
        var (captured, cSource) = Lowest(ordered, r => r.Captured);
        var (released, rSource) = Lowest(ordered, r => r.Released);

        var record = head with
        {
            Date = dated?.Date,
            DatePrecision = dated?.DatePrecision,
            DateText = dated?.DateText ?? head.DateText,
            Actor1 = actor1.Actor1,
            AssocActor1 = actor1.AssocActor1,
            Actor2 = actor2.Actor2,
            AssocActor2 = actor2.AssocActor2,
            Country = placed.Country,
            Iso2 = placed.Iso2,
            Admin1 = placed.Admin1,
            Admin1Code = placed.Admin1Code,
            Admin2 = placed.Admin2,
            Admin3 = placed.Admin3,
            Location = placed.Location,
            LocationAr = placed.LocationAr,
            Latitude = placed.Latitude,
            Longitude = placed.Longitude,
            GeoPrecision = placed.GeoPrecision,
            Fatalities = fatalities,
            Injured = injured,
            Captured = captured,
            Released = released,
            CivilianTargeting = ordered.Any(m => m.Record.CivilianTargeting),
            Tags = ordered.SelectMany(m => m.Record.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            Inferred = MergedInferred(head, dated, actor1, actor2, placed),
        };
        record = record.WithDistinctSides();
        if (ordered.Select(m => m.DocumentId).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            record = record.WithoutSpans();
        }

        DateWindow? window = null;
        foreach (var m in ordered)
        {
            if (WindowOf(m, options) is { } w)
            {
                window = window is { } acc ? acc.Union(w) : w;
            }
        }

        var sources = ordered.Select(m => new EventSource(
            m.Key, m.DocumentId, m.Publisher, m.Url, m.Record.Fatalities, m.Record.Injured, m.Record.Captured, m.Record.Released)).ToList();
        var earliest = ordered.Where(m => m.Published is not null).Select(m => m.Published).Min();
        return new MergedEvent(ordered[0].Key, record, sources, new CountSources(fSource, iSource, cSource, rSource), window, earliest);
    }

    /// <summary>The inferred fields of a merged record: each field is inferred as it is in the member it was taken from.</summary>
    private static List<string>? MergedInferred(EventRecord head, EventRecord? dated, EventRecord actor1, EventRecord actor2, EventRecord placed)
    {
        var fields = new List<string>();
        foreach (var (field, from) in new[] { ("date", dated ?? head), ("actor1", actor1), ("actor2", actor2), ("location", placed) })
        {
            if (from.Inferred?.Contains(field, StringComparer.Ordinal) == true)
            {
                fields.Add(field);
            }
        }

        return fields.Count > 0 ? fields : null;
    }

    /// <summary>Rank of an event type in <see cref="TypeOrder"/> (0 highest); unknown types rank last.</summary>
    public static int TypeRank(string eventType)
    {
        for (var i = 0; i < TypeOrder.Count; i++)
        {
            if (string.Equals(TypeOrder[i], eventType, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return TypeOrder.Count;
    }

    private static (int? Value, string? Source) Lowest(List<DedupMention> ordered, Func<EventRecord, int?> count)
    {
        int? best = null;
        string? source = null;
        foreach (var m in ordered)
        {
            if (count(m.Record) is { } v && (best is null || v < best))
            {
                best = v;
                source = m.Key;
            }
        }

        return (best, source);
    }

    private static bool TypesCompatible(EventRecord a, EventRecord b)
    {
        if (string.Equals(a.EventType, b.EventType, StringComparison.Ordinal))
        {
            return true;
        }

        // A Battle absorbs an air/drone strike or shelling between the same actors on the same day and place (ACLED).
        return IsBattleAndStrike(a.EventType, b.EventType) && SharesNamedActor(a, b);
    }

    private static bool IsBattleAndStrike(string x, string y) =>
        (string.Equals(x, "Battles", StringComparison.Ordinal) && string.Equals(y, "Explosions/Remote violence", StringComparison.Ordinal))
        || (string.Equals(y, "Battles", StringComparison.Ordinal) && string.Equals(x, "Explosions/Remote violence", StringComparison.Ordinal));

    private static bool DatesCompatible(DedupMention a, DedupMention b, DedupOptions options)
    {
        var da = ParseDate(a.Record.Date);
        var db = ParseDate(b.Record.Date);
        if (da is { } x && db is { } y)
        {
            return Math.Abs(x.DayNumber - y.DayNumber) <= options.MaxDayGap;
        }

        if (WindowOf(a, options) is not { } wa || WindowOf(b, options) is not { } wb)
        {
            return false;
        }

        return wa.From <= wb.To && wb.From <= wa.To;
    }

    private static bool PlacesCompatible(EventRecord a, EventRecord b, DedupOptions options)
    {
        if (a.Admin2 is not null && b.Admin2 is not null && string.Equals(a.Admin2, b.Admin2, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (a.Latitude is { } lat1 && a.Longitude is { } lon1 && b.Latitude is { } lat2 && b.Longitude is { } lon2)
        {
            return Places.GeoDistance.Km(lat1, lon1, lat2, lon2) <= options.MaxDistanceKm;
        }

        // Neither district nor coordinates on one side: only the same named place counts.
        if (a.Admin2 is null || b.Admin2 is null)
        {
            var la = a.Location ?? a.LocationAr;
            var lb = b.Location ?? b.LocationAr;
            return la is not null && string.Equals(la, lb, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    private static bool ActorsCompatible(EventRecord a, EventRecord b)
    {
        var straight = SideCompatible(a.Actor1, b.Actor1) && SideCompatible(a.Actor2, b.Actor2);
        if (straight)
        {
            return true;
        }

        var battle = string.Equals(a.EventType, "Battles", StringComparison.Ordinal) || string.Equals(b.EventType, "Battles", StringComparison.Ordinal);
        return battle && SideCompatible(a.Actor1, b.Actor2) && SideCompatible(a.Actor2, b.Actor1);
    }

    private static bool SideCompatible(ActorRecord? x, ActorRecord? y) =>
        !IsNamed(x) || !IsNamed(y) || string.Equals(x!.Name, y!.Name, StringComparison.OrdinalIgnoreCase);

    private static bool SharesNamedActor(EventRecord a, EventRecord b)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var actor in new[] { a.Actor1, a.Actor2 }.Concat(a.AssocActor1).Concat(a.AssocActor2))
        {
            if (IsNamed(actor))
            {
                names.Add(actor!.Name);
            }
        }

        return new[] { b.Actor1, b.Actor2 }.Concat(b.AssocActor1).Concat(b.AssocActor2).Any(x => IsNamed(x) && names.Contains(x!.Name));
    }

    /// <summary>True for a named actor: not absent and not an "Unidentified Armed Group" (with or without its "(Country)" suffix).</summary>
    private static bool IsNamed(ActorRecord? actor) =>
        actor is not null && !string.IsNullOrWhiteSpace(actor.Name) && !actor.Name.StartsWith(UnidentifiedActor, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an ISO yyyy-MM-dd date (the invariant form the schema uses); null for null or anything else.</summary>
    public static DateOnly? ParseDate(string? iso) =>
        iso is not null && DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d
            : null;
}
