using System.Reflection;

namespace Rasid.Storage.Exports;

/// <summary>ACLED's 6 event types and 25 sub-event types, read from the embedded data file <c>Data/event_types.tsv</c>.</summary>
public static class EventTaxonomy
{
    private static readonly Lazy<IReadOnlyList<(string EventType, string SubEventType)>> s_pairs = new(Load);

    /// <summary>Every (event type, sub-event type) pair, in the file's order.</summary>
    public static IReadOnlyList<(string EventType, string SubEventType)> Pairs => s_pairs.Value;

    /// <summary>The event types and sub-event types, each once, in the file's order.</summary>
    public static IReadOnlyList<string> Names => [.. Pairs.Select(p => p.EventType).Distinct(StringComparer.Ordinal).Concat(Pairs.Select(p => p.SubEventType))];

    /// <summary>The canonical spelling of an event type or sub-event type (case-insensitive), or null when it is neither.</summary>
    public static string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private static List<(string, string)> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Rasid.Storage.event_types.tsv")
            ?? throw new InvalidOperationException("embedded event_types.tsv is missing");
        using var reader = new StreamReader(stream);
        var pairs = new List<(string, string)>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f.Length == 2)
            {
                pairs.Add((f[0], f[1]));
            }
        }

        return pairs;
    }
}
