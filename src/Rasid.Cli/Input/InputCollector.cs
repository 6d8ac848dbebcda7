using Rasid.Ingestion;

namespace Rasid.Cli.Input;

/// <summary>
/// Walks the command line's inputs (files, folders recursively, "-" for stdin) and parses each into documents.
/// In folders only supported extensions are read (.txt .html .htm .xml .rss .atom .jsonl), in ordinal path order;
/// a file named explicitly is always read and its format sniffed when the extension is unknown.
/// Unreadable paths come back as errors; the rest of the batch goes on.
/// </summary>
internal static class InputCollector
{
    public static IEnumerable<IngestItem> Read(IReadOnlyList<string> paths, Func<Stream> openStdin, IngestOptions options)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                byte[] bytes;
                using (var stdin = openStdin())
                using (var buffer = new MemoryStream())
                {
                    stdin.CopyTo(buffer);
                    bytes = buffer.ToArray();
                }

                foreach (var item in DocumentParser.Parse("stdin", bytes, options))
                {
                    yield return item;
                }

                continue;
            }

            IEnumerable<string> files;
            if (Directory.Exists(path))
            {
                files = EnumerateFolder(path);
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

    private static IEnumerable<string> EnumerateFolder(string path)
    {
        List<string> files;
        try
        {
            files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                .Where(DocumentParser.IsSupportedExtension)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            files = [];
        }

        return files;
    }
}
