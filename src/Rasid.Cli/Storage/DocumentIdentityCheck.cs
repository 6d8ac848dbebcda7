using Rasid.Storage;

namespace Rasid.Cli.Storage;

/// <summary>
/// Keeps an id from naming two different texts in silence. Before the ingest loop sees a document, this check compares its
/// content hash with the text stored under its id and with any earlier document of the same run that had that id. A
/// different text is refused: reported through the callback, counted in <see cref="Refused"/>, and not passed on (the
/// loop would skip it as "id stored"). With re-extraction a stored document's new text replaces the old one, as asked,
/// but two texts under one id within the run are still refused. The same text again passes (the loop skips it).
/// </summary>
internal sealed class DocumentIdentityCheck(IEventStore store, bool reextract)
{
    // id → the first 16 hex digits of the SHA-256 of the text first seen under it in this run (enough to tell texts apart).
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    /// <summary>Documents refused so far.</summary>
    public long Refused { get; private set; }

    /// <summary>The inputs whose id does not name another text, each with its content hash filled in.</summary>
    public IEnumerable<IngestInput> Filter(IEnumerable<IngestInput> inputs, Action<IngestInput, string> refuse)
    {
        foreach (var input in inputs)
        {
            var id = input.Document.Id;
            var hash = input.ContentHash ?? ContentHashing.Sha256Hex(input.Document.Text);
            if (_seen.TryGetValue(id, out var earlier))
            {
                if (!hash.StartsWith(earlier, StringComparison.Ordinal))
                {
                    Refused++;
                    refuse(input, $"id \"{id}\" was read earlier in this run with a different text: not stored (give the documents distinct ids)");
                    continue;
                }
            }
            else
            {
                _seen[id] = hash[..16];
                if (!reextract && store.GetStatus(id, hash) == DocumentStatus.SameId && store.ReadDocument(id) is { } stored && stored.ContentHash != hash)
                {
                    Refused++;
                    refuse(input, $"id \"{id}\" is already stored with a different text: not stored (rasid ingest --reextract stores the new text in its place)");
                    continue;
                }
            }

            yield return input with { ContentHash = hash };
        }
    }
}
