namespace Rasid.Pipeline;

/// <summary>
/// A bounded, ordered parallel map over a stream: the caller's thread reads the source, up to <c>threads</c> pool
/// threads run the map, and results come back in input order. At most <c>window</c> items are in flight (read but not
/// yet handed back), so memory stays flat however long the stream is.
/// </summary>
public static class OrderedParallel
{
    /// <summary>Items in flight per thread by default: enough to keep every thread busy behind a slow item.</summary>
    public const int WindowPerThread = 16;

    /// <summary>The thread count to use when none is asked for: one per processor.</summary>
    public static int DefaultThreads => Environment.ProcessorCount;

    /// <summary>
    /// Maps <paramref name="source"/> through <paramref name="map"/> on <paramref name="threads"/> threads and yields the
    /// results in the order of <paramref name="source"/>. With one thread, everything runs on the caller's thread, one
    /// item at a time. An exception thrown by <paramref name="map"/> is rethrown when its result's turn comes.
    /// </summary>
    /// <param name="source">The input, enumerated once on the caller's thread.</param>
    /// <param name="map">The work per item; must be safe to call from several threads at once.</param>
    /// <param name="threads">Threads running <paramref name="map"/> at once (at least 1).</param>
    /// <param name="window">Items in flight at most; 0 for <see cref="WindowPerThread"/> per thread.</param>
    public static IEnumerable<TOut> Map<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int threads, int window = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        return threads == 1 ? Sequential(source, map) : Parallel(source, map, threads, window == 0 ? threads * WindowPerThread : window);
    }

    private static IEnumerable<TOut> Sequential<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map)
    {
        foreach (var item in source)
        {
            yield return map(item);
        }
    }

    private static IEnumerable<TOut> Parallel<TIn, TOut>(IEnumerable<TIn> source, Func<TIn, TOut> map, int threads, int window)
    {
        // The concurrent side of the pair runs at most `threads` tasks at once on the pool.
        var scheduler = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
        var pending = new Queue<Task<TOut>>(window);
        try
        {
            foreach (var item in source)
            {
                pending.Enqueue(Task.Factory.StartNew(() => map(item), CancellationToken.None, TaskCreationOptions.None, scheduler));
                while (pending.Count >= window || (pending.Count > 0 && pending.Peek().IsCompleted))
                {
                    yield return pending.Dequeue().GetAwaiter().GetResult();
                }
            }

            while (pending.Count > 0)
            {
                yield return pending.Dequeue().GetAwaiter().GetResult();
            }
        }
        finally
        {
            // Stopped early (or failed): let the work in flight finish before returning, so nothing runs on behind the caller.
            foreach (var task in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                    // Its result was not asked for.
                }
            }
        }
    }
}
