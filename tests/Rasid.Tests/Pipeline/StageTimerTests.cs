using Rasid.Ingestion;
using Rasid.Pipeline;
using Rasid.Records;

namespace Rasid.Tests.Pipeline;

public class StageTimerTests
{
    private sealed class Recorder : IStageTimer
    {
        public List<(string Stage, TimeSpan Elapsed)> Steps { get; } = [];

        public void Record(string stage, TimeSpan elapsed) => Steps.Add((stage, elapsed));
    }

    [Fact]
    public void The_timer_hears_every_stage_in_pipeline_order_and_does_not_change_the_result()
    {
        var document = new SourceDocument { Id = "t", Text = "قتل 3 جنود في هجوم على حاجز للجيش في مدينة عدن أمس.", Published = TestPipeline.Published };
        var recorder = new Recorder();

        var timed = TestPipeline.Instance.Extract(document, withText: true, timer: recorder);
        var plain = TestPipeline.Instance.Extract(document, withText: true);

        Assert.Equal(RasidJson.ToJsonLine(plain), RasidJson.ToJsonLine(timed));
        string[] expected =
        [
            PipelineStages.Clean, PipelineStages.Analyze, PipelineStages.Actors, PipelineStages.Places, PipelineStages.Actors,
            PipelineStages.Dates, PipelineStages.Numbers, PipelineStages.Events, PipelineStages.Records,
        ];
        Assert.Equal(expected, recorder.Steps.Select(s => s.Stage));
        Assert.All(recorder.Steps, s => Assert.True(s.Elapsed >= TimeSpan.Zero));
    }
}
