namespace Rasid.Data;

/// <summary>
/// Where language data files come from (actors, triggers, word lists, gazetteer). Paths are relative,
/// '/'-separated, as under the repository's <c>data/</c> folder (e.g. <c>actors/yemen.tsv</c>). Implementations must
/// allow reads from several threads at once (<c>RasidPipeline.Create</c> loads the gazetteer beside the other data).
/// </summary>
public interface IDataSource
{
    /// <summary>A human-readable description of the source, for messages.</summary>
    string Description { get; }

    /// <summary>True when <paramref name="path"/> exists.</summary>
    bool Exists(string path);

    /// <summary>Opens <paramref name="path"/> for reading; throws <see cref="FileNotFoundException"/> when missing.</summary>
    Stream Open(string path);

    /// <summary>Relative paths of the files directly in <paramref name="folder"/> whose names end with <paramref name="suffix"/>, sorted ordinally.</summary>
    IReadOnlyList<string> List(string folder, string suffix);
}

/// <summary>
/// Reads language data from a directory on disk (by default the <c>data/</c> folder shipped beside the program). The
/// large lexicons keep compiled snapshots of their files in its <c>.compiled/</c> folder (see <see cref="CompiledData"/>).
/// </summary>
public sealed class DirectoryDataSource : IDataSource
{
    private readonly string _root;

    /// <summary>Creates a source rooted at <paramref name="root"/>.</summary>
    public DirectoryDataSource(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = Path.GetFullPath(root);
    }

    /// <inheritdoc />
    public string Description => _root;

    /// <summary>
    /// The default data folder: <c>$RASID_DATA</c> when set, else <c>data/</c> beside the running program.
    /// </summary>
    public static DirectoryDataSource Default()
    {
        var fromEnv = Environment.GetEnvironmentVariable("RASID_DATA");
        return new DirectoryDataSource(string.IsNullOrWhiteSpace(fromEnv) ? Path.Combine(AppContext.BaseDirectory, "data") : fromEnv);
    }

    /// <inheritdoc />
    public bool Exists(string path) => File.Exists(Resolve(path));

    /// <inheritdoc />
    public Stream Open(string path) => File.OpenRead(Resolve(path));

    /// <inheritdoc />
    public IReadOnlyList<string> List(string folder, string suffix)
    {
        var dir = Resolve(folder);
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.EnumerateFiles(dir)
            .Where(f => f.EndsWith(suffix, StringComparison.Ordinal))
            .Select(f => folder.TrimEnd('/') + "/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Where the compiled snapshot <paramref name="name"/> of this folder's files is kept (<see cref="CompiledData"/>).</summary>
    internal string CompiledPath(string name) => Path.Combine(_root, CompiledData.Folder, name + ".bin");

    private string Resolve(string path) => Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));
}
