using Rasid.Documents;
using Rasid.Lexicons;

namespace Rasid.Dates;

/// <summary>Finds date expressions and resolves them against the publication date.</summary>
public sealed class DateResolver
{
    private DateResolver()
    {
    }

    /// <summary>Loads calendar word lists (weekdays, month names in all series) from <paramref name="data"/>.</summary>
    public static DateResolver Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DateResolver();
    }

    /// <summary>All date expressions in <paramref name="text"/>, resolved against <paramref name="published"/> when given.</summary>
    public IReadOnlyList<DateMention> Find(AnalyzedText text, DateOnly? published)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [];
    }
}
