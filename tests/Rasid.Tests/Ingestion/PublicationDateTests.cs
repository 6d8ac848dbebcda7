using Rasid.Ingestion;

namespace Rasid.Tests.Ingestion;

public class PublicationDateTests
{
    [Theory]
    [InlineData("2022-05-14", 2022, 5, 14)]
    // Date-times keep the publisher's local calendar date, not the UTC one.
    [InlineData("2022-05-14T23:30:00-05:00", 2022, 5, 14)]
    [InlineData("2022-05-14 08:00", 2022, 5, 14)]
    [InlineData("2022/5/4", 2022, 5, 4)]
    // RFC 822, as in RSS pubDate, with and without weekday, named zones and two-digit years.
    [InlineData("Sat, 14 May 2022 09:30:00 +0300", 2022, 5, 14)]
    [InlineData("14 May 2022 09:30 GMT", 2022, 5, 14)]
    [InlineData("Tue, 1 Sep 15 10:00:00 EST", 2015, 9, 1)]
    [InlineData("Thu, 03 March 2016 10:00:00 GMT", 2016, 3, 3)]
    public void Container_dates_are_read(string text, int y, int m, int d)
    {
        Assert.True(PublicationDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2022-13-01")]
    [InlineData("2022-02-30")]
    [InlineData("14 Foo 2022")]
    [InlineData("السبت 14 مايو 2022")]
    public void Non_dates_are_rejected(string text)
    {
        Assert.False(PublicationDate.TryParse(text, out _));
    }
}
