using Rasid.Ingestion;

namespace Rasid.Cli.Input;

/// <summary>
/// Walks the command line's inputs (files, folders recursively, "-" for stdin) and parses each into documents.
/// In folders only supported extensions are read (.txt .html .htm .xml .rss .atom .jsonl), in ordinal path order, and a
/// document's id is its path relative to the folder without extension ("a/index"); symbolic links to folders are not
/// followed (a loop, or a link to /, would read files again or walk the disk). A file named explicitly is always read, its
/// format sniffed when the extension is unknown, and its id is its file name without extension. Unreadable paths and
/// folders without a readable file come back as errors; the rest of the batch goes on.
/// </summary>
internal static class InputCollector
{
    /// <summary>The supported extensions, for messages.</summary>
    public const string SupportedList = ".txt .html .htm .xml .rss .atom .jsonl";

    /// <param name="paths">Files, folders, or "-" for stdin.</param>
    /// <param name="openStdin">Opens stdin (raw bytes).</param>
    /// <param name="options">Limits and defaults.</param>
    /// <param name="warn">Receives warnings about the paths themselves (links not followed).</param>
    /// <param name="streamThreshold">JSON Lines inputs longer than this many bytes are read line by line (<see cref="StreamedJsonLines"/>).</param>
    public static IEnumerable<IngestItem> Read(IReadOnlyList<string> paths, Func<Stream> openStdin, IngestOptions options, Action<string>? warn = null, int streamThreshold = StreamedJsonLines.Threshold)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                byte[] bytes;
                using (var stdin = openStdin())
                {
                    bytes = StreamedJsonLines.ReadPrefix(stdin, streamThreshold, out var stream);
                    if (stream)
                    {
                        foreach (var item in StreamedJsonLines.Read("stdin", bytes, stdin, options))
                        {
                            yield return item;
                        }

                        continue;
                    }

                    if (bytes.Length == streamThreshold)
                    {
                        bytes = StreamedJsonLines.ReadAll(stdin, bytes);
                    }
                }

                foreach (var item in DocumentParser.Parse("stdin", bytes, options))
                {
                    yield return item;
                }

                continue;
            }

            IReadOnlyList<(string File, string? Name)> files;
            if (Directory.Exists(path))
            {
                var skipped = new List<string>();
                var found = FolderFiles(path, DocumentParser.IsSupportedExtension, skipped);
                foreach (var link in skipped)
                {
                    warn?.Invoke($"{link}: symbolic link to a folder, not followed");
                }

                if (found.Count == 0)
                {
                    yield return IngestItem.Failed(new IngestError(path, null, $"no file to read in this folder (read: {SupportedList})"));
                    continue;
                }

                files = [.. found.Select(f => (f.File, (string?)f.Name))];
            }
            else if (File.Exists(path))
            {
                files = [(path, null)];
            }
            else
            {
                yield return IngestItem.Failed(new IngestError(path, null, "no such file or directory"));
                continue;
            }

            foreach (var (file, name) in files)
            {
                byte[]? bytes = null;
                IngestError? error = null;
                FileStream? streamed = null;
                try
                {
                    var ext = Path.GetExtension(file);
                    if (new FileInfo(file).Length <= streamThreshold
                        || !(ext.Equals(".jsonl", StringComparison.OrdinalIgnoreCase) || ext.Equals(".ndjson", StringComparison.OrdinalIgnoreCase)))
                    {
                        bytes = File.ReadAllBytes(file);
                    }
                    else
                    {
                        streamed = File.OpenRead(file);
                        bytes = StreamedJsonLines.ReadPrefix(streamed, streamThreshold, out var stream);
                        if (!stream)
                        {
                            bytes = StreamedJsonLines.ReadAll(streamed, bytes);
                            streamed.Dispose();
                            streamed = null;
                        }
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    error = new IngestError(file, null, "cannot read: " + ex.Message);
                }

                if (error is not null)
                {
                    streamed?.Dispose();
                    yield return IngestItem.Failed(error);
                    continue;
                }

                if (streamed is not null)
                {
                    using (streamed)
                    {
                        foreach (var item in StreamedJsonLines.Read(file, bytes!, streamed, options))
                        {
                            yield return item;
                        }
                    }

                    continue;
                }

                foreach (var item in DocumentParser.Parse(file, bytes!, options, name))
                {
                    yield return item;
                }
            }
        }
    }

    /// <summary>
    /// The files under <paramref name="folder"/> that <paramref name="include"/> accepts, in ordinal path order, each with its
    /// path relative to the folder without extension ('/' separated). Symbolic links to folders are not entered; they are
    /// added to <paramref name="skippedLinks"/>. Hidden and inaccessible entries are skipped.
    /// </summary>
    public static List<(string File, string Name)> FolderFiles(string folder, Func<string, bool> include, List<string>? skippedLinks = null)
    {
        var files = new List<string>();
        var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false };
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            List<string> entries;
            try
            {
                entries = [.. Directory.EnumerateFileSystemEntries(dir, "*", options)];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var info = new DirectoryInfo(entry);
                if (info.Exists)
                {
                    if (info.LinkTarget is not null)
                    {
                        skippedLinks?.Add(entry);
                    }
                    else
                    {
                        pending.Push(entry);
                    }
                }
                else if (include(entry))
                {
                    files.Add(entry);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        skippedLinks?.Sort(StringComparer.Ordinal);
        return [.. files.Select(f => (f, IdOf(folder, f)))];
    }

    /// <summary>The document id of a file found in a folder: its relative path without extension, '/' separated.</summary>
    public static string IdOf(string folder, string file)
    {
        var relative = Path.GetRelativePath(folder, file);
        var stem = Path.Combine(Path.GetDirectoryName(relative) ?? string.Empty, Path.GetFileNameWithoutExtension(relative));
        return stem.Replace(Path.DirectorySeparatorChar, '/');
    }
}
