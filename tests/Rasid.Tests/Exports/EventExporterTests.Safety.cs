using System.Text.Json;
using Rasid.Records;
using Rasid.Storage.Exports;
using static Rasid.Tests.Dedup.Events;

namespace Rasid.Tests.Exports;

/// <summary>Issue 13: CSV cells that a spreadsheet would run as formulas, and numbers written as numbers in JSON.</summary>
public partial class EventExporterTests
{
    [Theory]
    [Trait("Issue", "13")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+966 1", "'+966 1")]
    [InlineData("-2+3", "'-2+3")] // a formula that starts like a number
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("-12.5", "-12.5")] // a negative coordinate stays a number
    [InlineData("Saba", "Saba")]
    [InlineData("", "")]
    public void Csv_cells_that_start_a_formula_get_a_leading_apostrophe(string cell, string expected) =>
        Assert.Equal(expected, EventExporter.NeutralizeFormula(cell));

    [Fact]
    [Trait("Issue", "13")]
    public void Acled_csv_neutralises_a_publisher_url_and_id_that_start_a_formula()
    {
        var events = new[]
        {
            Stored(Mention("=cmd|'/c calc'!A1", Clash(3), publisher: "@evil") with { Url = "+http://x" }),
        };

        foreach (var format in new[] { ExportFormat.AcledCsv, ExportFormat.AcledCsvExtended })
        {
            var rows = ReadCsv(Export(format, events), out _);
            Assert.Equal("'@evil", rows[0]["source"]);
            Assert.All(rows[0].Values, v => Assert.False(v.Length > 0 && v[0] is '=' or '+' or '@', v));
            if (format == ExportFormat.AcledCsvExtended)
            {
                Assert.Equal("'=cmd|'/c calc'!A1", rows[0]["document_ids"]);
                Assert.Equal("'+http://x", rows[0]["urls"]);
            }
        }
    }

    [Theory]
    [Trait("Issue", "13")]
    [InlineData(ExportFormat.JsonLines)]
    [InlineData(ExportFormat.GeoJson)]
    public void Numeric_acled_columns_are_json_numbers(ExportFormat format)
    {
        var text = Export(format, Sample());
        using var json = JsonDocument.Parse(format == ExportFormat.GeoJson ? text : text.Split('\n')[0]);
        var e = format == ExportFormat.GeoJson ? json.RootElement.GetProperty("features")[0].GetProperty("properties") : json.RootElement;

        Assert.Equal(2024, e.GetProperty("year").GetInt32());
        Assert.Equal(1, e.GetProperty("time_precision").GetInt32());
        Assert.Equal(887, e.GetProperty("iso").GetInt32());
        Assert.Equal(12, e.GetProperty("interaction").GetInt32());
        Assert.Equal(JsonValueKind.Number, e.GetProperty("inter1").ValueKind);
        Assert.Equal(JsonValueKind.Number, e.GetProperty("geo_precision").ValueKind);
        Assert.Equal(JsonValueKind.Number, e.GetProperty("latitude").ValueKind);
        Assert.Equal(JsonValueKind.String, e.GetProperty("event_id_cnty").ValueKind);
    }
}
