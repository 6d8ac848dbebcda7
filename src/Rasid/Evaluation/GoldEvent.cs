using System.Text.Json;

namespace Rasid.Evaluation;

/// <summary>One gold event of a gold file (see docs/event-schema.md, "Gold files and scoring").</summary>
public sealed record GoldEvent
{
    /// <summary>ACLED event type.</summary>
    public required string EventType { get; init; }

    /// <summary>Accepted sub-event types (one or several).</summary>
    public required IReadOnlyList<string> SubEventTypes { get; init; }

    /// <summary>Accepted actor1 names, or null when not scored.</summary>
    public IReadOnlyList<string>? Actor1 { get; init; }

    /// <summary>Accepted actor2 names, or null when not scored.</summary>
    public IReadOnlyList<string>? Actor2 { get; init; }

    /// <summary>ISO 3166-2 of the province, or null.</summary>
    public string? Admin1Code { get; init; }

    /// <summary>Accepted spellings of the location.</summary>
    public IReadOnlyList<string> LocationAr { get; init; } = [];

    /// <summary>ISO date, or null when not scored.</summary>
    public string? Date { get; init; }

    /// <summary>Killed, or null when not scored.</summary>
    public int? Fatalities { get; init; }

    /// <summary>Injured, or null when not scored.</summary>
    public int? Injured { get; init; }

    /// <summary>Captured, or null when not scored.</summary>
    public int? Captured { get; init; }

    /// <summary>Released, or null when not scored.</summary>
    public int? Released { get; init; }

    /// <summary>True when a careful coder could reasonably skip the event (neither rewarded nor penalised).</summary>
    public bool Optional { get; init; }

    /// <summary>A short exact quote that states the event.</summary>
    public string Evidence { get; init; } = string.Empty;
}

/// <summary>A gold file: the events a careful human coder takes from one document.</summary>
public sealed record GoldDocument(string DocId, IReadOnlyList<GoldEvent> Events)
{
    /// <summary>Parses a gold JSON file's content.</summary>
    public static GoldDocument Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var events = new List<GoldEvent>();
        foreach (var e in root.GetProperty("events").EnumerateArray())
        {
            events.Add(new GoldEvent
            {
                EventType = e.GetProperty("event_type").GetString() ?? string.Empty,
                SubEventTypes = StringOrList(e, "sub_event_type") ?? [],
                Actor1 = StringOrList(e, "actor1"),
                Actor2 = StringOrList(e, "actor2"),
                Admin1Code = e.TryGetProperty("admin1_code", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null,
                LocationAr = StringOrList(e, "location_ar") ?? [],
                Date = e.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null,
                Fatalities = Int(e, "fatalities"),
                Injured = Int(e, "injured"),
                Captured = Int(e, "captured"),
                Released = Int(e, "released"),
                Optional = e.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True,
                Evidence = e.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.String ? ev.GetString() ?? string.Empty : string.Empty,
            });
        }

        return new GoldDocument(root.GetProperty("doc_id").GetString() ?? string.Empty, events);
    }

    private static List<string>? StringOrList(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => [v.GetString() ?? string.Empty],
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString() ?? string.Empty).ToList(),
            _ => null,
        };
    }

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
}
