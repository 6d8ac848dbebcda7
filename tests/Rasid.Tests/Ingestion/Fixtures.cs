using Rasid.Ingestion;

namespace Rasid.Tests.Ingestion;

/// <summary>Reads the hand-written fixtures under TestData/ingest (copied beside the test binaries).</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "ingest");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static List<IngestItem> Parse(string name, IngestOptions? options = null) =>
        DocumentParser.Parse(PathOf(name), File.ReadAllBytes(PathOf(name)), options ?? new IngestOptions()).ToList();
}
