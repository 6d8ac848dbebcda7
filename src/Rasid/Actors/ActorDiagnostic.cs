namespace Rasid.Actors;

/// <summary>Codes of the problems the actor loader reports (all RSD1xxx).</summary>
public static class ActorDiagnosticCodes
{
    /// <summary>A required column is missing from a file's header.</summary>
    public const string MissingColumn = "RSD1001";

    /// <summary>A required cell (id, name, name_ar) is empty.</summary>
    public const string EmptyField = "RSD1002";

    /// <summary>The inter code is not an integer from 1 to 8.</summary>
    public const string BadInter = "RSD1003";

    /// <summary>valid_from or valid_to is not an ISO date (yyyy-MM-dd).</summary>
    public const string BadDate = "RSD1004";

    /// <summary>valid_from is after valid_to.</summary>
    public const string InvertedRange = "RSD1005";

    /// <summary>Two rows share an id.</summary>
    public const string DuplicateId = "RSD1006";

    /// <summary>Two entries of the same country claim one alias (in the same context) with no validity split.</summary>
    public const string AliasConflict = "RSD1007";

    /// <summary>Two entries of the same country share an alias and their validity ranges overlap.</summary>
    public const string OverlappingValidity = "RSD1008";

    /// <summary>The country is not an upper-case ISO 3166-1 alpha-2 code.</summary>
    public const string BadCountry = "RSD1009";

    /// <summary>An alias context marker (<c>~</c> or <c>@CC</c>) is malformed or has no country to refer to.</summary>
    public const string BadAliasContext = "RSD1010";

    /// <summary>An entry lists no alias.</summary>
    public const string NoAliases = "RSD1011";

    /// <summary>The <c>generic</c> column names an id that is missing or not a generic entry.</summary>
    public const string BadGenericReference = "RSD1012";

    /// <summary>A generic ("{country}") entry also has a country.</summary>
    public const string GenericWithCountry = "RSD1013";

    /// <summary>A row of variants.tsv, stop_phrases.tsv or countries.tsv is malformed.</summary>
    public const string BadSupportRow = "RSD1020";
}

/// <summary>One problem found while loading actor data.</summary>
/// <param name="Code">The RSD1xxx code (see <see cref="ActorDiagnosticCodes"/>).</param>
/// <param name="Location">"file:line" (or just the file for header problems).</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record ActorDiagnostic(string Code, string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Code}: {Message}";
}

/// <summary>Thrown once by <see cref="ActorDictionary.Load"/> with every problem found in the actor data.</summary>
public sealed class ActorDataException : Exception
{
    /// <summary>Creates the exception from the collected <paramref name="diagnostics"/>.</summary>
    public ActorDataException(IReadOnlyList<ActorDiagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception with a message only (no diagnostics).</summary>
    public ActorDataException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message only (no diagnostics).</summary>
    public ActorDataException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates an exception wrapping <paramref name="inner"/>.</summary>
    public ActorDataException(string message, Exception inner)
        : base(message, inner)
    {
        Diagnostics = [];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<ActorDiagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<ActorDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return $"Actor data has {diagnostics.Count} problem(s):" + Environment.NewLine
            + string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
    }
}
