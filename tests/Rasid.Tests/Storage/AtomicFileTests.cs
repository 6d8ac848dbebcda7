using System.Text;
using Rasid.Storage;

namespace Rasid.Tests.Storage;

/// <summary>Atomic output files: a rename over the target, except for devices (`-o /dev/null`).</summary>
public class AtomicFileTests
{
    [Fact]
    public void A_file_is_replaced_whole()
    {
        var path = Path.Combine(Path.GetTempPath(), "rasid-atomic-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            File.WriteAllText(path, "old contents that are longer");
            AtomicFile.Write(path, s => s.Write(Encoding.UTF8.GetBytes("new")));

            Assert.Equal("new", File.ReadAllText(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".*.tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_null_device_is_written_in_place_not_replaced_by_a_file()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/null"))
        {
            return;
        }

        // A rename over /dev/null (as root) would leave a plain file there, breaking every later "> /dev/null".
        AtomicFile.Write("/dev/null", s => s.Write(Encoding.UTF8.GetBytes("discarded")));

        Assert.True(AtomicFile.IsDevice("/dev/null"));
        Assert.Equal(0, new FileInfo("/dev/null").Length); // a character device reads as empty; a plain file would hold 9 bytes
        Assert.False(AtomicFile.IsDevice(Path.Combine(Path.GetTempPath(), "out.jsonl")));
    }
}
