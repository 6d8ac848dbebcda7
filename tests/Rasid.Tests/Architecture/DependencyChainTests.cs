using System.Text.RegularExpressions;

namespace Rasid.Tests.Architecture;

/// <summary>
/// The core's folders form a one-way chain (ARCHITECTURE.md): a folder may use the namespaces of lower layers only,
/// never one of its own layer or above. The test reads the `using Rasid.*` lines (and fully qualified `Rasid.X.`
/// names) of every source file of src/Rasid.
/// </summary>
public partial class DependencyChainTests
{
    /// <summary>Layer of each folder of src/Rasid (= namespace Rasid.&lt;Folder&gt;); a folder sees only lower layers.</summary>
    internal static readonly IReadOnlyDictionary<string, int> Layers = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["Data"] = 0, // IDataSource, TSV reading
        ["Records"] = 0, // the output contract: EventRecord, DocumentResult, ACLED event types
        ["Text"] = 1, // normalisation, tokens, sentences, clauses, clitics, phrase matching
        ["Ingestion"] = 2,
        ["Cleaning"] = 2,
        ["Actors"] = 2,
        ["Numbers"] = 2,
        ["Dates"] = 2,
        ["Places"] = 2,
        ["Events"] = 3,
        ["Dedup"] = 3,
        ["Evaluation"] = 3,
        ["Pipeline"] = 4,
    };

    [Fact]
    public void Every_folder_of_the_core_uses_only_lower_layers()
    {
        var violations = Violations(ReadDependencies(CoreSourceDirectory()));
        Assert.True(violations.Count == 0, "dependencies against the chain:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_folder_of_the_core_has_a_layer()
    {
        var folders = Directory.EnumerateDirectories(CoreSourceDirectory())
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj"))
            .Where(f => Directory.EnumerateFiles(Path.Combine(CoreSourceDirectory(), f!), "*.cs", SearchOption.AllDirectories).Any())
            .ToList();
        Assert.NotEmpty(folders);
        Assert.All(folders, f => Assert.True(Layers.ContainsKey(f!), $"src/Rasid/{f} is not placed in the chain (DependencyChainTests.Layers)"));
    }

    [Fact]
    public void Every_file_declares_the_namespace_of_its_folder()
    {
        foreach (var file in CoreFiles(CoreSourceDirectory()))
        {
            var folder = FolderOf(file);
            var declared = NamespaceLine().Match(File.ReadAllText(file));
            Assert.True(declared.Success, file);
            Assert.Equal(folder, declared.Groups[1].Value);
        }
    }

    [Theory]
    [InlineData("Places", "Events")] // a lower stage reaching up
    [InlineData("Numbers", "Dates")] // two stages of one layer
    [InlineData("Text", "Data.Internal")] // ok: lower layer, nested namespace
    [InlineData("Data", "Text")] // the bottom reaching up
    public void The_checker_flags_a_dependency_against_the_chain(string from, string to)
    {
        var violations = Violations([new Dependency(from, $"src/Rasid/{from}/X.cs", 3, to)]);
        var allowed = Layers[to.Split('.')[0]] < Layers[from];
        Assert.Equal(allowed ? 0 : 1, violations.Count);
    }

    /// <summary>One `using Rasid.X` (or qualified name) in a file of folder <paramref name="Folder"/>.</summary>
    internal sealed record Dependency(string Folder, string File, int LineNumber, string Target);

    internal static List<string> Violations(IEnumerable<Dependency> dependencies)
    {
        var result = new List<string>();
        foreach (var d in dependencies)
        {
            var target = d.Target.Split('.')[0];
            if (target == d.Folder)
            {
                continue;
            }

            if (!Layers.TryGetValue(target, out var to) || !Layers.TryGetValue(d.Folder, out var from))
            {
                result.Add($"{d.File}:{d.LineNumber}: {d.Folder} -> Rasid.{d.Target} (folder not in the chain)");
            }
            else if (to >= from)
            {
                result.Add($"{d.File}:{d.LineNumber}: {d.Folder} (layer {from}) -> Rasid.{d.Target} (layer {to})");
            }
        }

        return result;
    }

    internal static IEnumerable<Dependency> ReadDependencies(string coreDirectory)
    {
        foreach (var file in CoreFiles(coreDirectory))
        {
            var folder = FolderOf(file);
            var relative = "src/Rasid/" + Path.GetRelativePath(coreDirectory, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("namespace ", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match m in RasidName().Matches(line))
                {
                    yield return new Dependency(folder, relative, i + 1, m.Groups[1].Value);
                }
            }
        }
    }

    private static IEnumerable<string> CoreFiles(string coreDirectory) =>
        Directory.EnumerateFiles(coreDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string FolderOf(string file) =>
        Path.GetRelativePath(CoreSourceDirectory(), file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];

    /// <summary>src/Rasid of the checkout the tests were built from (found upwards from the test binaries).</summary>
    internal static string CoreSourceDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rasid.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Rasid");
            }
        }

        throw new DirectoryNotFoundException("no Rasid.slnx above " + AppContext.BaseDirectory);
    }

    /// <summary>`using Rasid.X.Y;`, `using static Rasid.X.Y;` or a qualified `Rasid.X.Y` in code: captures X.Y.</summary>
    [GeneratedRegex(@"(?<![\w.])Rasid\.([A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*)")]
    private static partial Regex RasidName();

    [GeneratedRegex(@"^namespace Rasid\.([A-Za-z0-9.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
