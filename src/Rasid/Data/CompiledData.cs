using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Rasid.Data;

/// <summary>
/// Compiled forms of language data: what a loader builds from the text files, written once as a binary snapshot into
/// <c>.compiled/</c> of the data folder, then mapped into memory instead of parsing the text files while they are
/// unchanged. A mapped snapshot costs only the pages a lookup touches, shared with the page cache.
/// </summary>
/// <remarks>
/// A snapshot is keyed by a SHA-256 of the files it was made from (their paths and bytes; a missing optional file
/// counts too) and of the running Rasid.dll's module version id, which changes with every change of the code. So an
/// edited or added TSV file, or a new build, is picked up by the next load with no manual step: a stale, foreign or
/// malformed snapshot is ignored, the text files are parsed (and checked) as before, and the snapshot is written anew.
/// Writing is best effort (a read-only data folder only costs the parse) and atomic (a temporary file renamed over
/// the old one), so concurrent processes never see half a file. The TSV files stay the only source of truth.
/// </remarks>
internal static class CompiledData
{
    /// <summary>The folder, under the data folder, that holds the snapshots.</summary>
    public const string Folder = ".compiled";

    /// <summary>
    /// The structures of <paramref name="name"/>: opened from its snapshot when the snapshot's key matches
    /// <paramref name="sources"/>, else compiled from the text files (and the snapshot written). Data sources other than
    /// <see cref="DirectoryDataSource"/> are always compiled, in memory.
    /// </summary>
    /// <param name="data">Where the files are.</param>
    /// <param name="name">Snapshot name (a file name without extension).</param>
    /// <param name="sources">Every file <paramref name="compile"/> may read, relative to the data folder.</param>
    /// <param name="compile">Parses and checks the text files and writes what it built.</param>
    /// <param name="open">Makes the structures from a snapshot.</param>
    public static T Load<T>(IDataSource data, string name, IEnumerable<string> sources, Func<CompiledWriter> compile, Func<CompiledSnapshot, T> open)
    {
        if (data is not DirectoryDataSource directory)
        {
            return open(CompiledSnapshot.FromArray(compile().ToArray(new byte[CompiledWriter.KeyLength])));
        }

        var key = Key(data, name, sources);
        var path = directory.CompiledPath(name);
        if (CompiledSnapshot.TryOpen(path, key) is { } snapshot)
        {
            try
            {
                return open(snapshot);
            }
            catch (InvalidDataException)
            {
                // malformed although its key matched (a damaged file): compile and write it again
            }
        }

        var bytes = compile().ToArray(key);
        TryWrite(path, bytes);
        return open(CompiledSnapshot.FromArray(bytes));
    }

    /// <summary>The key of a snapshot: name, code version, byte order and every source file's path and content.</summary>
    internal static byte[] Key(IDataSource data, string name, IEnumerable<string> sources)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, name);
        hash.AppendData(typeof(CompiledData).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(BitConverter.IsLittleEndian ? [1] : [0]);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            foreach (var path in sources)
            {
                AppendText(hash, path);
                if (!data.Exists(path))
                {
                    hash.AppendData([0]);
                    continue;
                }

                hash.AppendData([1]);
                using var stream = data.Open(path);
                long length = 0;
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer.AsSpan(0, read));
                    length += read;
                }

                hash.AppendData(BitConverter.GetBytes(length)); // where one file ends is part of the key
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return hash.GetHashAndReset();
    }

    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }

    /// <summary>Writes a snapshot atomically; gives up silently when the folder cannot be written.</summary>
    internal static void TryWrite(string path, byte[] bytes)
    {
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // nothing more to do: the next load compiles again
            }
        }
    }
}
