using Rasid.Lexicons;

namespace Rasid.Cleaning;

/// <summary>A block of the input that boilerplate removal dropped, with why (shown by `rasid extract --debug`).</summary>
/// <param name="Start">Start index in the input text.</param>
/// <param name="End">Exclusive end index in the input text.</param>
/// <param name="Reason">Why it was removed (e.g. "related-articles list").</param>
public readonly record struct RemovedBlock(int Start, int End, string Reason);

/// <summary>Text after boilerplate removal: what evidence offsets refer to.</summary>
/// <param name="Text">The cleaned text.</param>
/// <param name="Removed">What was removed from the input.</param>
public sealed record CleanedText(string Text, IReadOnlyList<RemovedBlock> Removed);

/// <summary>Removes related-article lists, site taglines and footers, share/follow lines (markers come from data/boilerplate/).</summary>
public sealed class BoilerplateRemover
{
    private BoilerplateRemover()
    {
    }

    /// <summary>Loads the boilerplate markers from <paramref name="data"/>.</summary>
    public static BoilerplateRemover Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new BoilerplateRemover();
    }

    /// <summary>Cleans <paramref name="text"/>; <paramref name="title"/> helps spot a repeated headline or site name.</summary>
    public CleanedText Clean(string text, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new CleanedText(text, []);
    }
}
