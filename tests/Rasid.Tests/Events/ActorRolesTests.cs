using Rasid.Tests.Pipeline;

namespace Rasid.Tests.Events;

/// <summary>Who acted and who was acted upon, from the clause around the trigger.</summary>
public class ActorRolesTests
{
    [Theory]
    // The force the dead are counted from ("N من X") is the patient, whether the figure is in digits or in words.
    [InlineData("وقتل ثمانية من رجال الشرطة في هجوم مسلح على حاجز أمني في مدينة العريش أمس.")]
    [InlineData("وقتل 8 من رجال الشرطة في هجوم مسلح على حاجز أمني في مدينة العريش أمس.")]
    public void The_force_victims_are_counted_from_is_the_target_of_the_attack(string text)
    {
        var e = Assert.Single(TestPipeline.Extract(text).Events);

        Assert.Equal("Police Forces of Egypt (2014-)", e.Actor2?.Name);
        Assert.Equal("Unidentified Armed Group (Egypt)", e.Actor1?.Name);
    }

    [Fact]
    public void The_force_whose_bullets_killed_is_the_perpetrator()
    {
        var e = Assert.Single(TestPipeline.Extract("استشهد شاب فلسطيني برصاص جيش الاحتلال في مدينة جنين أمس.").Events);

        Assert.Equal("Military Forces of Israel", e.Actor1?.Name);
        Assert.Equal("Civilians (Palestine)", e.Actor2?.Name);
    }
}
