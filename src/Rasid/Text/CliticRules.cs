using Rasid.Data;


namespace Rasid.Text;

/// <summary>The enclitic pronouns <see cref="CliticSegmenter.Segment(string, Func{string, bool}, CliticRules)"/> may strip (data/clitics/enclitics.tsv).</summary>
public sealed class CliticRules
{
    private CliticRules(IReadOnlyList<string> enclitics)
    {
        Enclitics = enclitics;
    }

    /// <summary>Rules with no enclitics: only proclitics are split.</summary>
    public static CliticRules ProcliticsOnly { get; } = new([]);

    /// <summary>Enclitic pronouns in normalised spelling, longest first (so هما is tried before ه).</summary>
    public IReadOnlyList<string> Enclitics { get; }

    /// <summary>Loads data/clitics/enclitics.tsv (column <c>suffix</c>).</summary>
    public static CliticRules Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var suffixes = TsvReader.Read(data, "clitics/enclitics.tsv")
            .Select(r => ArabicNormalizer.NormalizeKey(r["suffix"]))
            .Where(x => x.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(x => x.Length)
            .ToArray();
        return new CliticRules(suffixes);
    }
}
