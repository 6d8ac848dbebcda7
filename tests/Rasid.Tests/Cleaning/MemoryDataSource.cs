using System.Text;
using Rasid.Data;

namespace Rasid.Tests.Cleaning;

/// <summary>An in-memory data folder for tests: path → file content.</summary>
internal sealed class MemoryDataSource(Dictionary<string, string> files) : IDataSource
{
    public string Description => "memory";

    public bool Exists(string path) => files.ContainsKey(path);

    public Stream Open(string path) => files.TryGetValue(path, out var s) ? new MemoryStream(Encoding.UTF8.GetBytes(s)) : throw new FileNotFoundException(path);

    public IReadOnlyList<string> List(string folder, string suffix) =>
        files.Keys.Where(k => k.StartsWith(folder + "/", StringComparison.Ordinal) && k.EndsWith(suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
}
