using System.Data.Common;
using Rasid.Dedup;
using Rasid.Ingestion;

namespace Rasid.Storage.Sql;

/// <summary>A stored document row read back as a <see cref="SourceDocument"/>, shared by the stores and the web reader.</summary>
public static class DocumentRows
{
    /// <summary>The columns <see cref="Read"/> expects first, in this order.</summary>
    public const string Columns = "id, text, title, published, url, publisher";

    /// <summary>The document of the current row, whose first columns are <see cref="Columns"/>.</summary>
    public static SourceDocument Read(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var id = reader.GetString(0);
        return new SourceDocument
        {
            Id = id,
            Text = reader.GetString(1),
            Title = NullableString(reader, 2),
            Published = EventMerger.ParseDate(NullableString(reader, 3)),
            Url = NullableString(reader, 4),
            Publisher = NullableString(reader, 5),
            Origin = "db:" + id,
        };
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
