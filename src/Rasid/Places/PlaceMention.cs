using Rasid.Text;


namespace Rasid.Places;

/// <summary>A gazetteer candidate of a mention with its disambiguation score.</summary>
/// <param name="Place">The gazetteer entry.</param>
/// <param name="Score">Higher is better.</param>
public readonly record struct PlaceCandidate(GazetteerPlace Place, double Score);

/// <summary>
/// One place name found in a document: where it is, the cue words around it, every gazetteer candidate
/// with its score, and the resolution (null when the mention was rejected, e.g. a village name without any cue).
/// </summary>
public sealed class PlaceMention
{
    internal PlaceMention(TextSpan nameSpan, TextSpan span, int firstToken, int endToken, string text, IReadOnlyList<GazetteerPlace> places)
    {
        NameSpan = nameSpan;
        Span = span;
        FirstToken = firstToken;
        EndToken = endToken;
        Text = text;
        Places = places;
        foreach (var p in places)
        {
            HasCountryCandidate |= p.FeatureType == FeatureTypes.Country;
        }
    }

    /// <summary>Normalised span of the name itself (no proclitics, no cue words).</summary>
    public TextSpan NameSpan { get; }

    /// <summary>Normalised span of the location as reported: the name, plus a kept cue (ريف، مخيم) before it.</summary>
    public TextSpan Span { get; }

    /// <summary>Span of the cue words and prepositions in front of the name (or the name's span when none).</summary>
    public TextSpan CueSpan { get; internal set; }

    /// <summary>First token of the name.</summary>
    public int FirstToken { get; }

    /// <summary>Token index one past the name.</summary>
    public int EndToken { get; }

    /// <summary>Normalised text of the name.</summary>
    public string Text { get; }

    /// <summary>The feature type announced by a cue word (محافظة → admin1, مديرية → admin2, مدينة → city...), or null.</summary>
    public string? TypeCue { get; internal set; }

    /// <summary>"near", "north", "outskirts"... when a direction or proximity word precedes the name, else null.</summary>
    public string? Modifier { get; internal set; }

    /// <summary>True when a preposition (في، ب، من، قرب...) introduces the mention.</summary>
    public bool HasPreposition { get; internal set; }

    /// <summary>Whether a country is among the candidates ("السعودية" the kingdom, beside villages of that name).</summary>
    internal bool HasCountryCandidate { get; }

    /// <summary>True for a capital that news uses for its government (context_words.tsv, kind metonym).</summary>
    internal bool IsMetonym { get; set; }

    /// <summary>True when the only preposition is a proclitic ل ("الموالية لأنقرة"): to or for, not in.</summary>
    internal bool DativeOnly { get; set; }

    /// <summary>True when the only preposition is a proclitic ب or ل on the name itself.</summary>
    internal bool PrepositionIsClitic { get; set; }

    /// <summary>True when the name follows باتجاه/نحو/إلى: a destination, not where something happened.</summary>
    public bool IsDestination { get; internal set; }

    /// <summary>True when the name is where something came from ("قادمة من X") or a landmark ("المطلة على X"), not where it happened.</summary>
    public bool IsReferencePoint { get; internal set; }

    /// <summary>True when the name belongs to a news source ("مصدر في المقاومة بعدن"): where it was reported, not where it happened.</summary>
    public bool IsReportingSource { get; internal set; }

    /// <summary>True when the name opens its clause as its topic ("وفي بلدة داريا، قال...").</summary>
    public bool IsTopic { get; internal set; }

    /// <summary>True when a link (في، ب، التابعة ل، عاصمة) separates this mention from the previous one.</summary>
    internal bool LinkedToPrevious { get; set; }

    /// <summary>Gazetteer entries whose names match.</summary>
    internal IReadOnlyList<GazetteerPlace> Places { get; }

    /// <summary>Candidates with their final scores, best first.</summary>
    public IReadOnlyList<PlaceCandidate> Candidates { get; internal set; } = [];

    /// <summary>The chosen place, or null when the mention was rejected.</summary>
    public ResolvedPlace? Resolved { get; internal set; }

    private string? _reason;
    private Func<string>? _reasonFactory;

    /// <summary>Why the mention was resolved or rejected.</summary>
    public string Reason
    {
        get => _reason ??= _reasonFactory?.Invoke() ?? string.Empty;
        internal set => (_reason, _reasonFactory) = (value, null);
    }

    /// <summary>Sets a reason that is built on first read.</summary>
    internal void SetReason(Func<string> factory) => (_reason, _reasonFactory) = (null, factory);

    /// <summary>The mention this one sits in, per the text ("المحفد" → "أبين" in "مديرية المحفد محافظة أبين").</summary>
    public PlaceMention? Container { get; internal set; }

    /// <summary>The mention inside this one, per the text.</summary>
    public PlaceMention? Contained { get; internal set; }

    /// <summary>The chosen gazetteer entry, or null.</summary>
    internal GazetteerPlace? Chosen { get; set; }
}
