using System.Diagnostics;
using System.Globalization;
using Rasid.Actors;
using Rasid.Cleaning;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Events;
using Rasid.Ingestion;
using Rasid.Numbers;
using Rasid.Places;
using Rasid.Records;
using Rasid.Text;

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

    private RasidPipeline(BoilerplateRemover cleaner, ActorDictionary actors, NumberRecognizer numbers, DateResolver dates, PlaceResolver places, EventLexicon events, ClauseSplitter clauses, EventhoodModel? eventhood)
    {
        _cleaner = cleaner;
        _actors = actors;
        _numbers = numbers;
        _dates = dates;
        _places = places;
        _events = new EventExtractor(events, clauses, places.Gazetteer, GenericActors.From(actors), eventhood);
    }

    /// <summary>Version of the extractor, stored with results so re-extraction can be detected.</summary>
    public const string Version = "rasid.extract/1";

    /// <summary>
    /// Builds the default pipeline from the language data in <paramref name="data"/>. The gazetteer and the actor
    /// dictionary (the two largest loads) load on pool threads while the caller's thread loads the rest, so
    /// <paramref name="data"/> is read from several threads at once.
    /// </summary>
    public static RasidPipeline Create(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var placesTask = Task.Run(() => PlaceResolver.Load(data));
        var actorsTask = Task.Run(() => ActorDictionary.Load(data));
        var large = Task.WhenAll(placesTask, actorsTask);
        try
        {
            var events = EventLexicon.Load(data);
            var cleaner = BoilerplateRemover.Load(data);
            var numbers = NumberRecognizer.Load(data);
            var dates = DateResolver.Load(data);
            var clauses = ClauseSplitter.Load(data);
            var eventhood = EventhoodModel.Load(data);
            var places = placesTask.GetAwaiter().GetResult();
            var actors = actorsTask.GetAwaiter().GetResult();
            return new RasidPipeline(cleaner, actors, numbers, dates, places, events, clauses, eventhood);
        }
        finally
        {
            // Whatever happened here, the pool threads' loads are over before Create returns or throws.
            ((IAsyncResult)large).AsyncWaitHandle.WaitOne();
        }
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
    /// <param name="timer">Receives the time of each stage (<see cref="PipelineStages"/>), or null.</param>
    public DocumentResult Extract(SourceDocument document, bool withText = false, Action<string>? trace = null, IStageTimer? timer = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lap = new StageLap(timer);
        var text = CleanText(document);
        var titleEnd = 0;
        if (!string.IsNullOrEmpty(document.Title) && text.StartsWith(document.Title.Trim(), StringComparison.Ordinal))
        {
            titleEnd = document.Title.Trim().Length;
        }

        lap.End(PipelineStages.Clean);
        var analyzed = AnalyzedText.Analyze(text);
        lap.End(PipelineStages.Analyze);
        var found = _actors.Find(analyzed);
        var countryHints = _actors.CountryHints(found);
        lap.End(PipelineStages.Actors);
        var places = _places.Analyze(analyzed, countryHints, found.Select(m => m.Span).ToList());
        lap.End(PipelineStages.Places);

        // Ambiguous and generic aliases are resolved once the document's country is known ("الجيش" in Yemen).
        var documentCountry = places.DocumentCountry ?? countryHints.FirstOrDefault();
        var actorMentions = found.Select(m => m with { Actor = _actors.Resolve(m, documentCountry, document.Published) }).ToList();
        // Normalisation is character-local, so the title's normalised length is where the body starts.
        var titleEndNormalized = titleEnd == 0 ? 0 : ArabicNormalizer.Normalize(text[..titleEnd]).Length;
        lap.End(PipelineStages.Actors);
        var dates = _dates.Find(analyzed, document.Published);
        lap.End(PipelineStages.Dates);
        var numbers = _numbers.Find(analyzed, dates.TokenRanges());
        lap.End(PipelineStages.Numbers);
        var context = new DocumentContext(analyzed, actorMentions, numbers, dates, places, document.Published, titleEndNormalized);
        var candidates = _events.Extract(context, trace);
        lap.End(PipelineStages.Events);
        var events = candidates.Select(c => EventRecordBuilder.Build(c, analyzed, titleEndNormalized, document.Published)).ToList();
        for (var i = 0; trace is not null && i < events.Count; i++)
        {
            foreach (var line in EventRecordBuilder.Explain(candidates[i], events[i], analyzed, titleEndNormalized, document.Published, i + 1))
            {
                trace(line);
            }
        }

        lap.End(PipelineStages.Records);
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

/// <summary>Receives the time each pipeline stage took for one document (see <see cref="RasidPipeline.Extract"/>).</summary>
public interface IStageTimer
{
    /// <summary>Called once per stage step, in pipeline order; a stage may be reported more than once per document.</summary>
    /// <param name="stage">One of <see cref="PipelineStages"/>.</param>
    /// <param name="elapsed">Time of the step.</param>
    void Record(string stage, TimeSpan elapsed);
}

/// <summary>The names of the pipeline's stages as reported to an <see cref="IStageTimer"/>.</summary>
public static class PipelineStages
{
    /// <summary>Boilerplate removal and the headline.</summary>
    public const string Clean = "clean";

    /// <summary>Normalisation, tokens and sentences.</summary>
    public const string Analyze = "analyse (normalise+tokenise+sentences)";

    /// <summary>Actor recognition, country hints and resolution against the document's country.</summary>
    public const string Actors = "actors";

    /// <summary>Place recognition and resolution.</summary>
    public const string Places = "places";

    /// <summary>Date expressions.</summary>
    public const string Dates = "dates";

    /// <summary>Counts.</summary>
    public const string Numbers = "numbers";

    /// <summary>Event extraction.</summary>
    public const string Events = "events";

    /// <summary>Output records.</summary>
    public const string Records = "records";
}

/// <summary>Times consecutive steps for an optional <see cref="IStageTimer"/>; free when there is none.</summary>
internal struct StageLap
{
    private readonly IStageTimer? _timer;
    private long _start;

    public StageLap(IStageTimer? timer)
    {
        _timer = timer;
        _start = timer is null ? 0 : Stopwatch.GetTimestamp();
    }

    /// <summary>Reports the time since the previous step to the timer under <paramref name="stage"/>.</summary>
    public void End(string stage)
    {
        if (_timer is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        _timer.Record(stage, Stopwatch.GetElapsedTime(_start, now));
        _start = Stopwatch.GetTimestamp(); // the timer's own time is not charged to the next stage
    }
}
