using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Rasid.Text;
using Rasid.Web.Api;

namespace Rasid.Web.Events;

/// <summary>The filter, sort and paging parameters shared by GET /api/events, /api/stats and /api/export, as sent (strings).</summary>
internal sealed class EventQueryParameters
{
    /// <summary>ISO 3166-1 alpha-2 codes, comma separated (YE,SY).</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; init; }

    /// <summary>ISO 3166-2 province codes, comma separated (YE-TA).</summary>
    [FromQuery(Name = "admin1")]
    public string? Admin1 { get; init; }

    /// <summary>ACLED event types, comma separated (Battles,Protests).</summary>
    [FromQuery(Name = "type")]
    public string? Type { get; init; }

    /// <summary>ACLED sub-event types, comma separated (Armed clash).</summary>
    [FromQuery(Name = "sub_type")]
    public string? SubType { get; init; }

    /// <summary>Part of an actor's English or Arabic name.</summary>
    [FromQuery(Name = "actor")]
    public string? Actor { get; init; }

    /// <summary>First event date, yyyy-MM-dd (inclusive).</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Last event date, yyyy-MM-dd (inclusive).</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>Bounding box: min longitude, min latitude, max longitude, max latitude (WGS84).</summary>
    [FromQuery(Name = "bbox")]
    public string? BoundingBox { get; init; }

    /// <summary>Only events with at least this many fatalities.</summary>
    [FromQuery(Name = "min_fatalities")]
    public string? MinFatalities { get; init; }

    /// <summary>Text searched in the normalised Arabic evidence sentences and the English notes.</summary>
    [FromQuery(Name = "q")]
    public string? Text { get; init; }

    /// <summary>Sort key: date, fatalities, type, country, admin1, location, sources; prefix - for descending (default -date).</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>1-based page number.</summary>
    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>Events per page (default 100).</summary>
    [FromQuery(Name = "page_size")]
    public string? PageSize { get; init; }
}

/// <summary>A bounding box in WGS84 degrees.</summary>
internal readonly record struct BoundingBox(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;
}

/// <summary>The sort keys of GET /api/events.</summary>
internal enum EventSortKey
{
    Date,
    Fatalities,
    Type,
    Country,
    Admin1,
    Location,
    Sources,
}

/// <summary>Validated filters; empty sets and nulls do not filter.</summary>
internal sealed record EventFilter
{
    public IReadOnlySet<string> Countries { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Admin1Codes { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> Types { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> SubTypes { get; init; } = new HashSet<string>();

    /// <summary>Normalised, lower-case actor substring.</summary>
    public string? Actor { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public BoundingBox? Box { get; init; }

    public int? MinFatalities { get; init; }

    /// <summary>Normalised, lower-case search text.</summary>
    public string? Text { get; init; }

    public EventSortKey Sort { get; init; } = EventSortKey.Date;

    public bool Descending { get; init; } = true;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 100;

    /// <summary>
    /// Folds text for search, as the extractor's normaliser does (<see cref="ArabicNormalizer.IsRemoved"/> and
    /// <see cref="ArabicNormalizer.FoldChar"/>; presentation forms expanded), with runs of white space made one space and
    /// Latin letters lower-cased. One pass without an offset map: the index folds every evidence sentence with it.
    /// </summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var original in text)
        {
            var expanded = original is (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC')
                ? original.ToString().Normalize(NormalizationForm.FormKC)
                : null;
            foreach (var c in expanded ?? (ReadOnlySpan<char>)[original])
            {
                if (ArabicNormalizer.IsRemoved(c))
                {
                    continue;
                }

                var f = ArabicNormalizer.FoldChar(c);
                if (char.IsWhiteSpace(f))
                {
                    pendingSpace = folded.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    folded.Append(' ');
                    pendingSpace = false;
                }

                folded.Append(char.ToLowerInvariant(f));
            }
        }

        return folded.ToString();
    }

    /// <summary>Validates <paramref name="p"/>; throws <see cref="ApiParameterException"/> naming the first bad parameter.</summary>
    public static EventFilter Parse(EventQueryParameters p, int maxPageSize)
    {
        var filter = new EventFilter
        {
            Countries = Set(p.Country, upper: true),
            Admin1Codes = Set(p.Admin1, upper: true),
            Types = Set(p.Type, upper: false),
            SubTypes = Set(p.SubType, upper: false),
            Actor = Blank(p.Actor) ? null : Fold(p.Actor!),
            From = Date("from", p.From),
            To = Date("to", p.To),
            Box = ParseBox(p.BoundingBox),
            MinFatalities = Integer("min_fatalities", p.MinFatalities, 0, int.MaxValue),
            Text = Blank(p.Text) ? null : Fold(p.Text!),
            Page = Integer("page", p.Page, 1, 1_000_000) ?? 1,
            PageSize = Integer("page_size", p.PageSize, 1, maxPageSize) ?? 100,
        };
        if (filter.From is { } from && filter.To is { } to && from > to)
        {
            throw new ApiParameterException("from", $"'from' ({p.From}) is after 'to' ({p.To})");
        }

        if (!Blank(p.Sort))
        {
            var sort = p.Sort!.Trim();
            var descending = sort.StartsWith('-');
            var name = descending ? sort[1..] : sort;
            EventSortKey? key = name switch
            {
                "date" => EventSortKey.Date,
                "fatalities" => EventSortKey.Fatalities,
                "type" => EventSortKey.Type,
                "country" => EventSortKey.Country,
                "admin1" => EventSortKey.Admin1,
                "location" => EventSortKey.Location,
                "sources" => EventSortKey.Sources,
                _ => null,
            };
            filter = filter with
            {
                Sort = key ?? throw new ApiParameterException("sort", $"unknown sort key '{name}' (date, fatalities, type, country, admin1, location, sources; prefix - for descending)"),
                Descending = descending,
            };
        }

        return filter;
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static HashSet<string> Set(string? value, bool upper)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Blank(value))
        {
            return set;
        }

        foreach (var part in value!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            set.Add(upper ? part.ToUpperInvariant() : part);
        }

        return set;
    }

    private static DateOnly? Date(string name, string? value)
    {
        if (Blank(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ApiParameterException(name, $"'{name}' needs a date as yyyy-MM-dd, not '{value}'");
    }

    private static int? Integer(string name, string? value, int min, int max)
    {
        if (Blank(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ApiParameterException(name, $"'{name}' needs a whole number from {min} to {max}, not '{value}'");
    }

    private static BoundingBox? ParseBox(string? value)
    {
        if (Blank(value))
        {
            return null;
        }

        var parts = value!.Split(',', StringSplitOptions.TrimEntries);
        var numbers = new double[4];
        if (parts.Length != 4 || !parts.Select((s, i) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])).All(ok => ok))
        {
            throw new ApiParameterException("bbox", $"'bbox' needs four numbers min_lon,min_lat,max_lon,max_lat, not '{value}'");
        }

        var box = new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (box.MinLongitude is < -180 or > 180 || box.MaxLongitude is < -180 or > 180 || box.MinLatitude is < -90 or > 90 || box.MaxLatitude is < -90 or > 90
            || box.MinLongitude > box.MaxLongitude || box.MinLatitude > box.MaxLatitude)
        {
            throw new ApiParameterException("bbox", $"'bbox' is out of range or inverted: '{value}'");
        }

        return box;
    }
}
