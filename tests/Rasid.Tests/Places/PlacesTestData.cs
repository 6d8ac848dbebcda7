using Rasid.Data;
using Rasid.Events;
using Rasid.Places;
using Rasid.Text;

namespace Rasid.Tests.Places;

/// <summary>The gazetteer is loaded once for all place tests.</summary>
internal static class PlacesTestData
{
    private static readonly Lazy<PlaceResolver> s_resolver = new(() =>
        PlaceResolver.Load(new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data"))));

    public static PlaceResolver Resolver => s_resolver.Value;

    /// <summary>The event locator over a document's places (where an event happened is event logic).</summary>
    public static EventLocator Locator(AnalyzedText text, PlaceAnalysis places) => new(places, text, Resolver.Gazetteer);

    public static string Sample(string prefix) =>
        File.ReadAllText(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "samples"), prefix + "_*.txt").Single());
}
