namespace Rasid.Actors;

/// <summary>
/// The generic entries of data/actors/generic.tsv that event rules fill in when the text names no side: an unnamed
/// perpetrator, unnamed civilian targets, protesters and rioters (each "... ({country})"; null when the dictionary lacks it).
/// </summary>
public sealed record GenericActors(ActorEntry? Unidentified, ActorEntry? Civilians, ActorEntry? Protesters, ActorEntry? Rioters)
{
    /// <summary>No generic entries: rules that need one do nothing.</summary>
    public static GenericActors None { get; } = new(null, null, null, null);

    /// <summary>The generic entries of <paramref name="dictionary"/> (ids gen.uag, gen.civilians, gen.protesters, gen.rioters).</summary>
    public static GenericActors From(ActorDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        return new GenericActors(dictionary.Get("gen.uag"), dictionary.Get("gen.civilians"), dictionary.Get("gen.protesters"), dictionary.Get("gen.rioters"));
    }
}
