using Rasid.Documents;
using Rasid.Lexicons;

namespace Rasid.Places;

/// <summary>Recognises place names in text and resolves them against the gazetteer.</summary>
public sealed class PlaceResolver
{
    private PlaceResolver()
    {
    }

    /// <summary>Loads the gazetteer from <paramref name="data"/> (data/gazetteer/).</summary>
    public static PlaceResolver Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PlaceResolver();
    }

    /// <summary>
    /// Finds and resolves every place mention of a document. <paramref name="countryHints"/> are ISO2 codes
    /// suggested by the document's actors (الحوثي → YE), strongest first.
    /// </summary>
    public PlaceAnalysis Analyze(AnalyzedText text, IReadOnlyList<string> countryHints)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(countryHints);
        return new PlaceAnalysis([], null);
    }
}

/// <summary>The places of one document.</summary>
public sealed class PlaceAnalysis
{
    /// <summary>Creates an analysis from resolved mentions.</summary>
    public PlaceAnalysis(IReadOnlyList<ResolvedPlace> mentions, string? documentCountry)
    {
        Mentions = mentions;
        DocumentCountry = documentCountry;
    }

    /// <summary>Resolved place mentions in document order.</summary>
    public IReadOnlyList<ResolvedPlace> Mentions { get; }

    /// <summary>ISO2 of the country the document is mostly about, or null.</summary>
    public string? DocumentCountry { get; }

    /// <summary>
    /// The location of an event whose trigger is at <paramref name="anchor"/> inside <paramref name="scope"/>
    /// (its clause or sentence; normalised coordinates): the place tied to the trigger, else a fallback with
    /// lower precision; null when nothing fits.
    /// </summary>
    public ResolvedPlace? LocateEvent(TextSpan anchor, TextSpan scope) => null;
}
