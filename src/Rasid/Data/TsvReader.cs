using System.Text;

namespace Rasid.Data;

/// <summary>One data row of a TSV file, with its 1-based line number for diagnostics.</summary>
public sealed class TsvRow
{
    private readonly IReadOnlyDictionary<string, int> _columns;
    private readonly string[] _cells;

    internal TsvRow(string path, int lineNumber, IReadOnlyDictionary<string, int> columns, string[] cells)
    {
        Path = path;
        LineNumber = lineNumber;
        _columns = columns;
        _cells = cells;
    }

    /// <summary>The data file's relative path.</summary>
    public string Path { get; }

    /// <summary>1-based line number in the file.</summary>
    public int LineNumber { get; }

    /// <summary>The cell of column <paramref name="name"/>, trimmed; empty when the column or cell is missing.</summary>
    public string this[string name] =>
        _columns.TryGetValue(name, out var i) && i < _cells.Length ? _cells[i].Trim() : string.Empty;

    /// <summary>The cell of column <paramref name="name"/>, or null when empty.</summary>
    public string? Optional(string name)
    {
        var v = this[name];
        return v.Length == 0 ? null : v;
    }

    /// <summary>Splits a '|'-separated cell into its non-empty trimmed parts.</summary>
    public IReadOnlyList<string> List(string name) =>
        this[name].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>"path:line" for messages.</summary>
    public string Location => $"{Path}:{LineNumber}";
}

/// <summary>
/// Reads tab-separated data files with a header row. Lines starting with '#' and blank lines are skipped,
/// so data files can carry comments.
/// </summary>
public static class TsvReader
{
    /// <summary>Reads every row of <paramref name="path"/> from <paramref name="source"/>.</summary>
    public static IReadOnlyList<TsvRow> Read(IDataSource source, string path)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var stream = source.Open(path);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, path);
    }

    /// <summary>Reads every row from <paramref name="reader"/>; <paramref name="path"/> names it in diagnostics.</summary>
    public static IReadOnlyList<TsvRow> Read(TextReader reader, string path)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<TsvRow>();
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split('\t');
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < cells.Length; i++)
                {
                    columns[cells[i].Trim()] = i;
                }

                continue;
            }

            rows.Add(new TsvRow(path, lineNumber, columns, cells));
        }

        return rows;
    }
}
