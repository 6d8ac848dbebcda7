using Rasid.Text;
using Rasid.Places;

namespace Rasid.Events;

/// <summary>
/// Lookups <see cref="LocateEvent"/> and <see cref="NamesEventPlace"/> make once per event, answered from indexes built
/// on first use instead of a scan of every mention: a long document has thousands of events and mentions, and scanning
/// them all for each event made the work quadratic in the document's length. Every answer is the one the scan gave:
/// the mentions are in document order (ascending name starts) as the recogniser emits them; should they ever not be,
/// the bounds below widen to the whole list and the filters alone decide.
/// </summary>
internal sealed partial class EventLocator
{
    private List<PlaceMention>? _accepted;
    private bool _acceptedSorted;
    private int[]? _acceptedMaxEnd;
    private int[]? _lineBreaks;
    private Dictionary<string, OthersIndex>? _others;

    /// <summary>The places an event may fall back on, for one value of the country named in its scope (or none).</summary>
    private sealed class OthersIndex(List<PlaceMention> mentions)
    {
        public List<PlaceMention> Mentions { get; } = mentions;

        public bool TitleDone { get; set; }

        public PlaceMention? Title { get; set; }

        public bool DominantDone { get; set; }

        public PlaceMention? Dominant { get; set; }
    }

    /// <summary>The mentions that were resolved, in document order.</summary>
    private List<PlaceMention> Accepted()
    {
        if (_accepted is null)
        {
            var accepted = _details.Where(m => m.Resolved is not null).ToList();
            var maxEnd = new int[accepted.Count];
            var sorted = true;
            for (var i = 0; i < accepted.Count; i++)
            {
                maxEnd[i] = Math.Max(i > 0 ? maxEnd[i - 1] : int.MinValue, accepted[i].NameSpan.End);
                sorted &= i == 0 || accepted[i].NameSpan.Start >= accepted[i - 1].NameSpan.Start;
            }

            _acceptedMaxEnd = maxEnd;
            _acceptedSorted = sorted;
            _accepted = accepted;
        }

        return _accepted;
    }

    /// <summary>The accepted mentions whose name overlaps <paramref name="scope"/>, in document order.</summary>
    private List<PlaceMention> AcceptedOverlapping(TextSpan scope)
    {
        var accepted = Accepted();
        var lo = 0;
        var hi = accepted.Count;
        if (_acceptedSorted)
        {
            // Before lo every name ends at or before the scope's start; from hi on every name starts at or after its end.
            lo = FirstIndex(accepted.Count, i => _acceptedMaxEnd![i] > scope.Start);
            hi = FirstIndex(accepted.Count, i => accepted[i].NameSpan.Start >= scope.End);
        }

        var result = new List<PlaceMention>();
        for (var i = lo; i < hi; i++)
        {
            if (scope.Overlaps(accepted[i].NameSpan))
            {
                result.Add(accepted[i]);
            }
        }

        return result;
    }

    /// <summary>True when an accepted mention inside <paramref name="scope"/> satisfies <paramref name="match"/>.</summary>
    private bool AnyAcceptedInside(TextSpan scope, Func<PlaceMention, bool> match)
    {
        var accepted = Accepted();
        var lo = _acceptedSorted ? FirstIndex(accepted.Count, i => accepted[i].NameSpan.Start >= scope.Start) : 0;
        for (var i = lo; i < accepted.Count; i++)
        {
            var m = accepted[i];
            if (_acceptedSorted && m.NameSpan.Start > scope.End)
            {
                break;
            }

            if (scope.Contains(m.NameSpan) && match(m))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The accepted mentions that are neither countries nor news sources' places, of <paramref name="country"/> when given.</summary>
    private OthersIndex Others(string? country)
    {
        _others ??= new Dictionary<string, OthersIndex>(StringComparer.Ordinal);
        var key = country ?? string.Empty;
        if (!_others.TryGetValue(key, out var others))
        {
            others = new OthersIndex(Accepted().Where(m => m.Chosen!.FeatureType != FeatureTypes.Country && !m.IsReportingSource
                                                           && (country is null || m.Chosen.Country == country)).ToList());
            _others[key] = others;
        }

        return others;
    }

    /// <summary>
    /// The mentions of <paramref name="others"/> that end at or before <paramref name="position"/>, last first; with
    /// <paramref name="from"/>, only those starting at or after it.
    /// </summary>
    private IEnumerable<PlaceMention> PrecedingBackward(List<PlaceMention> others, int position, int from = int.MinValue)
    {
        var end = _acceptedSorted ? FirstIndex(others.Count, i => others[i].NameSpan.Start > position) : others.Count;
        for (var i = end - 1; i >= 0; i--)
        {
            var m = others[i];
            if (m.NameSpan.Start < from)
            {
                if (_acceptedSorted)
                {
                    yield break;
                }

                continue;
            }

            if (m.NameSpan.End <= position)
            {
                yield return m;
            }
        }
    }

    /// <summary>The first mention of <paramref name="others"/> starting at or after <paramref name="position"/> and within <paramref name="window"/> characters of it, before <paramref name="limit"/>.</summary>
    private PlaceMention? FirstFollowing(List<PlaceMention> others, int position, int window, int limit)
    {
        var lo = _acceptedSorted ? FirstIndex(others.Count, i => others[i].NameSpan.Start >= position) : 0;
        for (var i = lo; i < others.Count; i++)
        {
            var m = others[i];
            if (m.NameSpan.Start >= position && m.NameSpan.Start - position <= window && m.NameSpan.Start < limit)
            {
                return m;
            }

            if (_acceptedSorted && m.NameSpan.Start - position > window)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The first mention of <paramref name="others"/> that ends on the first line, or null (computed once per list).</summary>
    private PlaceMention? TitlePlace(OthersIndex others)
    {
        if (!others.TitleDone)
        {
            var breaks = LineBreaks();
            var firstLineEnd = breaks.Length == 0 ? -1 : breaks[0];
            others.Title = firstLineEnd < 0 ? null : others.Mentions.FirstOrDefault(m => m.NameSpan.End <= firstLineEnd);
            others.TitleDone = true;
        }

        return others.Title;
    }

    /// <summary><see cref="Dominant"/> of <paramref name="others"/>, computed once per list.</summary>
    private static PlaceMention? DominantOf(OthersIndex others)
    {
        if (!others.DominantDone)
        {
            others.Dominant = Dominant(others.Mentions);
            others.DominantDone = true;
        }

        return others.Dominant;
    }

    /// <summary>Positions of '\n' in the normalised text, ascending.</summary>
    private int[] LineBreaks()
    {
        if (_lineBreaks is null)
        {
            var text = _text.Normalized.Text;
            var breaks = new List<int>();
            for (var at = text.IndexOf('\n', StringComparison.Ordinal); at >= 0; at = text.IndexOf('\n', at + 1))
            {
                breaks.Add(at);
            }

            _lineBreaks = [.. breaks];
        }

        return _lineBreaks;
    }

    /// <summary>The first index of [0, count) where the monotone <paramref name="atOrAfter"/> holds, else count.</summary>
    private static int FirstIndex(int count, Func<int, bool> atOrAfter)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (atOrAfter(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }
}
