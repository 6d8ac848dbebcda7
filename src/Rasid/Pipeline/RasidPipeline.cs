using System.Globalization;
using Rasid.Actors;
using Rasid.Cleaning;
using Rasid.Dates;
using Rasid.Documents;
using Rasid.Events;
using Rasid.Lexicons;
using Rasid.Numbers;
using Rasid.Output;
using Rasid.Places;

namespace Rasid.Pipeline;

/// <summary>
/// The frozen extraction pipeline: boilerplate removal → text layer → actors, numbers, dates, places → events →
/// records. Language data is loaded once in <see cref="Create"/>; one instance is immutable and safe to share across threads.
/// </summary>
public sealed class RasidPipeline
{
    private readonly BoilerplateRemover _cleaner;
    private readonly ActorDictionary _actors;
    private readonly NumberRecognizer _numbers;
    private readonly DateResolver _dates;
    private readonly PlaceResolver _places;
    private readonly EventExtractor _events;

    private RasidPipeline(BoilerplateRemover cleaner, ActorDictionary actors, NumberRecognizer numbers, DateResolver dates, PlaceResolver places, EventLexicon events, Sentences.ClauseSplitter clauses)
    {
        _cleaner = cleaner;
        _actors = actors;
        _numbers = numbers;
        _dates = dates;
        _places = places;
        _events = new EventExtractor(events, clauses, places.Gazetteer, actors.Get("gen.uag"));
    }

    /// <summary>Version of the extractor, stored with results so re-extraction can be detected.</summary>
    public const string Version = "rasid.extract/1";

    /// <summary>Builds the default pipeline from the language data in <paramref name="data"/>.</summary>
    public static RasidPipeline Create(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new RasidPipeline(
            BoilerplateRemover.Load(data),
            ActorDictionary.Load(data),
            NumberRecognizer.Load(data),
            DateResolver.Load(data),
            PlaceResolver.Load(data),
            EventLexicon.Load(data),
            Sentences.ClauseSplitter.Load(data));
    }

    /// <summary>
    /// The text evidence offsets refer to: the cleaned body, preceded by the headline on its own line when the
    /// input has a separate title that the body does not already start with.
    /// </summary>
    public string CleanText(SourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var body = _cleaner.Clean(document.Text, document.Title).Text;
        var title = document.Title?.Trim();
        if (string.IsNullOrEmpty(title) || body.TrimStart().StartsWith(title, StringComparison.Ordinal))
        {
            return body;
        }

        return title + "\n\n" + body;
    }

    /// <summary>Extracts one document. Never throws on any text.</summary>
    /// <param name="document">The document.</param>
    /// <param name="withText">Include the cleaned text that evidence offsets refer to.</param>
    /// <param name="trace">Receives one line per trigger decision (for `--explain`), or null.</param>
    public DocumentResult Extract(SourceDocument document, bool withText = false, Action<string>? trace = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = CleanText(document);
        var titleEnd = 0;
        if (!string.IsNullOrEmpty(document.Title) && text.StartsWith(document.Title.Trim(), StringComparison.Ordinal))
        {
            titleEnd = document.Title.Trim().Length;
        }

        var analyzed = AnalyzedText.Analyze(text);
        var found = _actors.Find(analyzed);
        var countryHints = _actors.CountryHints(found);
        var places = _places.Analyze(analyzed, countryHints);

        // Ambiguous and generic aliases are resolved once the document's country is known ("الجيش" in Yemen).
        var documentCountry = places.DocumentCountry ?? countryHints.FirstOrDefault();
        var actorMentions = found.Select(m => m with { Actor = _actors.Resolve(m, documentCountry, document.Published) }).ToList();
        // Normalisation is character-local, so the title's normalised length is where the body starts.
        var titleEndNormalized = titleEnd == 0 ? 0 : Normalization.ArabicNormalizer.Normalize(text[..titleEnd]).Length;
        var dates = _dates.Find(analyzed, document.Published);
        var context = new DocumentContext(analyzed, actorMentions, _numbers.Find(analyzed, dates), dates, places, document.Published, titleEndNormalized);
        var events = _events.Extract(context, trace).Select(c => EventRecordBuilder.Build(c, analyzed, titleEndNormalized, document.Published)).ToList();
        var score = Math.Min(1.0, events.Count * 0.5 + actorMentions.Count(a => a.Actor.Inter is >= 1 and <= 4) * 0.05);
        return new DocumentResult
        {
            DocId = document.Id,
            Published = document.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Title = document.Title,
            Url = document.Url,
            Publisher = document.Publisher,
            Relevant = events.Count > 0,
            RelevanceScore = Math.Round(score, 3),
            Events = events,
            Text = withText ? text : null,
        };
    }
}
