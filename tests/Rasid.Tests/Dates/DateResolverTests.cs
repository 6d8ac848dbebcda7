using System.Globalization;
using Rasid.Data;
using Rasid.Dates;
using Rasid.Text;

namespace Rasid.Tests.Dates;

public class DateResolverTests
{
    private static readonly DateResolver s_dates = DateResolver.Load(new DirectoryDataSource(Path.Combine(AppContext.BaseDirectory, "data")));

    private static DateMention One(string text, DateOnly? published) => Assert.Single(s_dates.Find(AnalyzedText.Analyze(text), published));

    [Theory]
    [InlineData("2022-05-08", "2022-05-06")] // Sunday: the Friday two days before
    [InlineData("2022-05-13", "2022-05-13")] // Friday: publication day itself
    [InlineData("2022-05-14", "2022-05-13")] // Saturday: the day before
    public void Weekday_is_the_most_recent_such_day_on_or_before_publication(string published, string expected)
    {
        var m = One("قتل يوم الجمعة", DateOnly.Parse(published, CultureInfo.InvariantCulture));
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), m.Date);
        Assert.Equal(1, m.Precision);
        Assert.True(m.IsRelative);
    }

    [Theory]
    [InlineData("1 محرم 1446", "2024-07-07")] // Hijri new year 1446
    [InlineData("1 رمضان 1445", "2024-03-11")] // Ramadan 1445
    [InlineData("10 ذو الحجة 1444", "2023-06-28")] // two-word month name
    [InlineData("5 جمادى الأولى 1445", "2023-11-19")] // month with a variant spelling in data
    public void Hijri_dates_convert_with_um_al_qura(string text, string expected)
    {
        var m = One(text, null);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), m.Date);
        Assert.False(m.IsRelative);
    }

    [Fact]
    public void Hijri_year_outside_the_um_al_qura_table_stays_unresolved()
    {
        Assert.Null(One("5 رمضان 1600", null).Date);
    }

    [Fact]
    public void Relative_dates_without_publication_keep_their_span()
    {
        var text = AnalyzedText.Analyze("قتل مساء أمس جندي");
        var m = Assert.Single(s_dates.Find(text, null));
        Assert.Null(m.Date);
        Assert.Null(m.Precision);
        Assert.Equal("مساء امس", text.Normalized.Text[m.Span.Start..m.Span.End]);
    }

    [Fact]
    public void Results_do_not_depend_on_the_current_culture()
    {
        var text = AnalyzedText.Analyze("في 11 مايو 2022 والجمعة الماضية و15 رمضان 1445");
        var published = new DateOnly(2022, 5, 14);
        var invariant = s_dates.Find(text, published);
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA"); // Um Al-Qura is the default calendar there
            Assert.Equal(invariant, s_dates.Find(text, published));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
