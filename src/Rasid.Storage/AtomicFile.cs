namespace Rasid.Storage;

/// <summary>Writes a file atomically: into a temporary file beside it, flushed, then renamed over the target.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a stream to a temporary file in the target's folder and, when it returns, moves
    /// that file over <paramref name="path"/>. On an exception the target is untouched and the temporary file removed.
    /// </summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (IsDevice(full))
        {
            // "-o /dev/null", "/dev/stdout": a rename would replace the device with a plain file; write to it directly.
            using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(device);
            return;
        }

        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// True for an output path that is a device or a process's stream (/dev/null, /dev/stdout, /dev/fd/3, /proc/...), which
    /// must be written in place, never replaced by renaming a file over it.
    /// </summary>
    public static bool IsDevice(string fullPath)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        return !OperatingSystem.IsWindows()
               && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal));
    }
}
