using Rasid.Data;
using Rasid.Text;


namespace Rasid.Places;

/// <summary>
/// Recognises place names in text and resolves them against the gazetteer: names are matched with
/// <see cref="PhraseMatcher{T}"/> (clitics, with and without ال, multi-word), cue words set the feature type
/// (محافظة → province, مديرية → district, مدينة → town) and the precision (شمال، قرب → 2), containment in the text
/// ("مديرية المحفد محافظة أبين", "مكيراس بالبيضاء") ties candidates together, and the document's country
/// (actor hints, country names and adjectives, the places themselves) decides between namesakes.
/// </summary>
public sealed class PlaceResolver
{
    private readonly Gazetteer _gazetteer;
    private readonly PlaceRecognizer _recognizer;
    private readonly PlaceScorer _scorer;
    private readonly PlaceAcceptance _acceptance;

    private PlaceResolver(Gazetteer gazetteer)
    {
        _gazetteer = gazetteer;
        _recognizer = new PlaceRecognizer(gazetteer);
        _acceptance = new PlaceAcceptance(gazetteer);
        _scorer = new PlaceScorer(gazetteer, _acceptance);
    }

    /// <summary>The loaded gazetteer.</summary>
    public Gazetteer Gazetteer => _gazetteer;

    /// <summary>Loads the gazetteer from <paramref name="data"/> (data/gazetteer/).</summary>
    public static PlaceResolver Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new PlaceResolver(Gazetteer.Load(data));
    }

    /// <summary>
    /// Finds and resolves every place mention of a document. <paramref name="countryHints"/> are ISO2 codes
    /// suggested by the document's actors (الحوثي → YE), strongest first. A name inside one of
    /// <paramref name="organisationNames"/> ("تنظيم القاعدة في المغرب", "ولاية سيناء") votes for the document's country
    /// but is not a place where something happened.
    /// </summary>
    public PlaceAnalysis Analyze(AnalyzedText text, IReadOnlyList<string> countryHints, IReadOnlyList<TextSpan>? organisationNames = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(countryHints);
        var adjectives = new List<string>();
        var mentions = _recognizer.Recognize(text, adjectives);
        var votes = CountryVote.Votes(text, mentions, adjectives, countryHints);
        var documentCountry = CountryVote.Winner(votes);
        if (organisationNames is { Count: > 0 })
        {
            mentions.RemoveAll(m => organisationNames.Any(o => o.Start <= m.Span.Start && m.Span.End <= o.End));
        }
        _recognizer.Link(text, mentions);
        _scorer.ScoreAll(mentions, documentCountry, countryHints);
        _acceptance.Settle(text, mentions, documentCountry);
        var resolved = mentions.Where(m => m.Resolved is not null).Select(m => m.Resolved!).ToList();
        return new PlaceAnalysis(resolved, documentCountry, mentions);
    }
}
