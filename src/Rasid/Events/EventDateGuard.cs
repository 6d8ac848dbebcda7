using Rasid.Dates;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// Keeps an old date only where the event's own sentence states it. A date more than <see cref="MaxDaysBefore"/> days
/// before the article that was carried from another sentence (the paragraph's previous one, or a report merged into the
/// event) dates background ("في يونيو 2014 أعلن التنظيم ..."), not the event: the event takes the publication date, as a
/// news report's undated events do. Recent dates and dates written in the event's sentence are kept as they are.
/// </summary>
internal static class EventDateGuard
{
    /// <summary>How many days before publication a date may lie without being stated in the event's own sentence.</summary>
    public const int MaxDaysBefore = 30;

    /// <summary>The event's date mention, or null when there is none or it is an old date from outside its sentence.</summary>
    public static DateMention? Accept(EventCandidate c, DateOnly? published) =>
        c.Date is { } d && IsOldAndElsewhere(d, c.SentenceSpan, published) ? null : c.Date;

    /// <summary>True when <paramref name="date"/> lies more than <see cref="MaxDaysBefore"/> days before publication outside <paramref name="sentence"/>.</summary>
    public static bool IsOldAndElsewhere(DateMention date, TextSpan sentence, DateOnly? published) =>
        published is { } pub && date.Date is { } day && day.DayNumber < pub.DayNumber - MaxDaysBefore && !sentence.Contains(date.Span);
}
