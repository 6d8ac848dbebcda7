using Rasid.Pipeline;

namespace Rasid.Tests.Pipeline;

/// <summary>Issue 16: the bounded ordered parallel map behind `--threads`.</summary>
[Trait("Issue", "16")]
public class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Results_come_back_in_input_order_whatever_each_item_takes(int threads)
    {
        var input = Enumerable.Range(0, 200).ToList();

        // Later items finish first: item i sleeps longer the smaller i % 7 is.
        var output = OrderedParallel.Map(input, i => { Thread.Sleep(6 - (i % 7)); return i * 10; }, threads).ToList();

        Assert.Equal(input.Select(i => i * 10), output);
    }

    [Fact]
    public void At_most_the_window_is_read_ahead_of_the_consumer()
    {
        var read = 0;
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 1000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i;
            }
        }

        var maxAhead = 0;
        var consumed = 0;
        foreach (var _ in OrderedParallel.Map(Source(), i => i, threads: 2, window: 8))
        {
            consumed++;
            maxAhead = Math.Max(maxAhead, Volatile.Read(ref read) - consumed);
        }

        Assert.Equal(1000, consumed);
        Assert.InRange(maxAhead, 0, 8);
    }

    [Fact]
    public void At_most_the_given_number_of_items_run_at_once()
    {
        var running = 0;
        var most = 0;
        var output = OrderedParallel.Map(Enumerable.Range(0, 60), i =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            Thread.Sleep(2);
            Interlocked.Decrement(ref running);
            return i;
        }, threads: 3).ToList();

        Assert.Equal(60, output.Count);
        Assert.InRange(most, 1, 3);
    }

    [Fact]
    public void A_failing_item_throws_when_its_turn_comes_after_the_earlier_results()
    {
        var seen = new List<int>();

        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var r in OrderedParallel.Map(Enumerable.Range(0, 50), i => i == 20 ? throw new InvalidOperationException("bad 20") : i, threads: 2))
            {
                seen.Add(r);
            }
        });

        Assert.Equal("bad 20", ex.Message);
        Assert.Equal(Enumerable.Range(0, 20), seen);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
