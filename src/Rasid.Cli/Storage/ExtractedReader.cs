using System.Text.Json;
using Rasid.Ingestion;
using Rasid.Records;
using Rasid.Storage;

namespace Rasid.Cli.Storage;

/// <summary>Reads `rasid extract --with-text` output (one document result per line) as ready-made ingest inputs.</summary>
internal static class ExtractedReader
{
    public static IEnumerable<(IngestInput? Input, IngestError? Error)> Read(IReadOnlyList<string> paths, Stream stdin)
    {
        foreach (var path in paths)
        {
            IEnumerable<string> files = path == "-" ? ["-"] : Directory.Exists(path)
                ? Input.InputCollector.FolderFiles(path, f => f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)).Select(f => f.File)
                : [path];
            foreach (var file in files)
            {
                if (file != "-" && !File.Exists(file))
                {
                    yield return (null, new IngestError(file, null, "no such file or directory"));
                    continue;
                }

                using var reader = file == "-" ? new StreamReader(stdin, leaveOpen: true) : new StreamReader(file);
                var lineNumber = 0;
                while (reader.ReadLine() is { } line)
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    yield return Parse(file == "-" ? "stdin" : file, lineNumber, line);
                }
            }
        }
    }

    private static (IngestInput? Input, IngestError? Error) Parse(string origin, int lineNumber, string line)
    {
        DocumentResult? result;
        try
        {
            result = RasidJson.ReadDocumentResult(line);
        }
        catch (JsonException ex)
        {
            return (null, new IngestError(origin, lineNumber, "not a document result: " + ex.Message));
        }

        if (result?.Text is null)
        {
            return (null, new IngestError(origin, lineNumber, "a result needs \"doc_id\" and \"text\" (run rasid extract --with-text)"));
        }

        var document = new SourceDocument
        {
            Id = result.DocId,
            Text = result.Text,
            Title = result.Title,
            Url = result.Url,
            Publisher = result.Publisher,
            Published = Dedup.EventMerger.ParseDate(result.Published),
            Origin = $"{origin}:{lineNumber}",
        };
        return (new IngestInput(document, result), null);
    }
}
