using Rasid.Ingestion;
using Rasid.Data;
using Rasid.Pipeline;

namespace Rasid.Tests.Fuzzing;

/// <summary>
/// Issue 13: random and mutated inputs never crash parsing or extraction and never cost a good document. A few hundred
/// seeded inputs here (well under a minute); `bench/Rasid.Benchmarks fuzz` runs 100,000 and more (bench/README.md).
/// </summary>
[Trait("Issue", "13")]
public class InputFuzzTests
{
    private static readonly Lazy<RasidPipeline> s_pipeline = new(() => RasidPipeline.Create(DirectoryDataSource.Default()));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_and_mutated_inputs_neither_crash_nor_lose_good_documents(int seed)
    {
        var fuzzer = new InputFuzzer(seed, maxLine: 60_000);
        var findings = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var input = fuzzer.Next();
            if (InputFuzzer.Check(input, s_pipeline.Value, new IngestOptions()) is { } problem)
            {
                findings.Add($"seed {seed} input {i} ({input.Kind}, {input.Origin}): {problem}");
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
