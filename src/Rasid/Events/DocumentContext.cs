using Rasid.Actors;
using Rasid.Dates;
using Rasid.Numbers;
using Rasid.Places;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>Everything the event extractor needs to know about one document.</summary>
/// <param name="Text">The analysed, cleaned text.</param>
/// <param name="Actors">Actor mentions.</param>
/// <param name="Numbers">Number mentions.</param>
/// <param name="Dates">Date mentions.</param>
/// <param name="Places">The document's places.</param>
/// <param name="Published">Publication date, when known.</param>
/// <param name="TitleEnd">Where the headline ends in the normalised text (0 when the input has no separate title).</param>
internal sealed record DocumentContext(
    AnalyzedText Text,
    IReadOnlyList<ActorMention> Actors,
    IReadOnlyList<NumberMention> Numbers,
    IReadOnlyList<DateMention> Dates,
    PlaceAnalysis Places,
    DateOnly? Published,
    int TitleEnd = 0);
