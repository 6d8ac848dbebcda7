
namespace Rasid.Places;

/// <summary>
/// The places of one document: the resolved mentions, the document's country and every recognised name with its
/// candidates. A plain result; where an event happened is decided by <c>Events/EventLocator</c> over it.
/// </summary>
public sealed class PlaceAnalysis
{
    /// <summary>Creates an analysis from resolved mentions.</summary>
    public PlaceAnalysis(IReadOnlyList<ResolvedPlace> mentions, string? documentCountry)
        : this(mentions, documentCountry, [])
    {
    }

    internal PlaceAnalysis(IReadOnlyList<ResolvedPlace> mentions, string? documentCountry, IReadOnlyList<PlaceMention> details)
    {
        Mentions = mentions;
        DocumentCountry = documentCountry;
        Details = details;
    }

    /// <summary>Resolved place mentions in document order.</summary>
    public IReadOnlyList<ResolvedPlace> Mentions { get; }

    /// <summary>ISO2 of the country the document is mostly about, or null.</summary>
    public string? DocumentCountry { get; }

    /// <summary>Every recognised name in document order, including rejected ones, with candidates and reasons.</summary>
    public IReadOnlyList<PlaceMention> Details { get; }
}
