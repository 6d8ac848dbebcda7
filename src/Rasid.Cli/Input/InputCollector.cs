using Rasid.Ingestion;

namespace Rasid.Cli.Input;

/// <summary>
/// Walks the command line's inputs (files, folders recursively, "-" for stdin) and parses each into documents.
/// Unreadable paths come back as errors; the rest of the batch goes on.
/// </summary>
internal static class InputCollector
{
    public static IEnumerable<IngestItem> Read(IReadOnlyList<string> paths, Stream stdin, IngestOptions options)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                foreach (var item in DocumentParser.Parse("stdin", buffer.ToArray(), options))
                {
                    yield return item;
                }

                continue;
            }

            IEnumerable<string> files;
            if (Directory.Exists(path))
            {
                files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                files = [path];
            }
            else
            {
                yield return IngestItem.Failed(new IngestError(path, null, "no such file or directory"));
                continue;
            }

            foreach (var file in files)
            {
                byte[]? bytes = null;
                IngestError? error = null;
                try
                {
                    bytes = File.ReadAllBytes(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error = new IngestError(file, null, "cannot read: " + ex.Message);
                }

                if (error is not null)
                {
                    yield return IngestItem.Failed(error);
                    continue;
                }

                foreach (var item in DocumentParser.Parse(file, bytes!, options))
                {
                    yield return item;
                }
            }
        }
    }
}
