using Rasid.Dates;
using Rasid.Actors;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>
/// The document-wide lookups the event passes share, built once per document: the phrase scans (triggers not inside a
/// blocker, modality, background, action verbs, arrest and protest context), casualty figures, and triggers, actors and
/// figures by sentence.
/// </summary>
internal sealed class EventDocument
{
    private EventDocument(DocumentContext context)
    {
        Context = context;
    }

    /// <summary>The other stages' findings.</summary>
    public DocumentContext Context { get; }

    /// <summary>The analysed text.</summary>
    public AnalyzedText Text => Context.Text;

    /// <summary>The text's tokens.</summary>
    public IReadOnlyList<Token> Tokens => Context.Text.Tokens;

    /// <summary>Negation, irrealis and reporting cues.</summary>
    public required IReadOnlyList<PhraseMatch<IReadOnlyList<ModalityCue>>> Modality { get; init; }

    /// <summary>Background and habitual time phrases.</summary>
    public required IReadOnlyList<PhraseMatch<IReadOnlyList<string>>> Background { get; init; }

    /// <summary>First tokens of action verbs.</summary>
    public required HashSet<int> ActionVerbs { get; init; }

    /// <summary>Sentences that make an arrest political.</summary>
    public required HashSet<int> ArrestContext { get; init; }

    /// <summary>Sentences that make a demonstration word a protest.</summary>
    public required HashSet<int> ProtestContext { get; init; }

    /// <summary>The word lists the document was scanned with (the lead's date reads the reporting verbs).</summary>
    public required EventLexicon Lexicon { get; init; }

    /// <summary>Triggers (outside blockers) by sentence, in text order.</summary>
    public required List<PhraseMatch<IReadOnlyList<TriggerClass>>>[] TriggersBySentence { get; init; }

    private static readonly HashSet<string> ArmedViolenceClasses = new(StringComparer.Ordinal)
    {
        TriggerClasses.Clash, TriggerClasses.Air, TriggerClasses.Shelling, TriggerClasses.Bombard, TriggerClasses.Explosive,
        TriggerClasses.Suicide, TriggerClasses.Grenade, TriggerClasses.Assassination,
    };

    private bool? _reportsArmedViolence;

    /// <summary>
    /// The document names a specific kind of armed violence somewhere (a clash, strike, shelling, bomb, assassination);
    /// computed once per document, on first use.
    /// </summary>
    public bool ReportsArmedViolence =>
        _reportsArmedViolence ??= TriggersBySentence.Any(ts => ts.Any(t => ArmedViolenceClasses.Contains(t.Value[0].Name)));

    /// <summary>The day the article's lead reports, for events the text gives no date of their own (<see cref="EventDates.LeadDate"/>).</summary>
    public DateMention? LeadDate
    {
        get
        {
            if (!_leadDateKnown)
            {
                (_leadDate, _leadDateKnown) = (EventDates.LeadDate(Context.Dates, Context.Text, Context.TitleEnd, Context.Published, Lexicon), true);
            }

            return _leadDate;
        }
    }

    private DateMention? _leadDate;

    private bool _leadDateKnown;

    /// <summary>Actor mentions by sentence.</summary>
    public required List<ActorMention>[] ActorsBySentence { get; init; }

    /// <summary>Casualty figures by sentence.</summary>
    public required List<CasualtyMention>[] CasualtiesBySentence { get; init; }

    /// <summary>Scans <paramref name="context"/>'s text with the lists of <paramref name="lexicon"/>.</summary>
    public static EventDocument Build(DocumentContext context, EventLexicon lexicon)
    {
        var text = context.Text;
        var tokens = text.Tokens;
        var sentenceOfToken = new int[tokens.Count];
        for (var s = 0; s < text.Sentences.Count; s++)
        {
            for (var t = text.Sentences[s].FirstToken; t < text.Sentences[s].EndToken; t++)
            {
                sentenceOfToken[t] = s;
            }
        }

        var blocked = new bool[tokens.Count];
        foreach (var b in lexicon.Blockers.FindAll(tokens))
        {
            for (var t = b.FirstToken; t < b.EndToken; t++)
            {
                blocked[t] = true;
            }
        }

        var modality = lexicon.Modality.FindAll(tokens);
        var background = lexicon.Background.FindAll(tokens);
        var actionVerbs = lexicon.ActionVerbs.FindAll(tokens).Select(m => m.FirstToken).ToHashSet();
        var arrestContext = lexicon.ArrestContext.FindAll(tokens).Select(m => sentenceOfToken[m.FirstToken]).ToHashSet();
        var protestContext = lexicon.ProtestContext.FindAll(tokens).Select(m => sentenceOfToken[m.FirstToken]).ToHashSet();
        var casualties = CasualtyCounter.Find(text, lexicon, context.Numbers, sentenceOfToken);
        var triggers = lexicon.Triggers.FindAll(tokens).Where(m => !blocked[m.FirstToken]).ToList();
        var actorsBySentence = new List<ActorMention>[text.Sentences.Count];
        var casualtiesBySentence = new List<CasualtyMention>[text.Sentences.Count];
        for (var i = 0; i < text.Sentences.Count; i++)
        {
            (actorsBySentence[i], casualtiesBySentence[i]) = ([], []);
        }

        var triggersBySentence = new List<PhraseMatch<IReadOnlyList<TriggerClass>>>[text.Sentences.Count];
        for (var i = 0; i < text.Sentences.Count; i++)
        {
            triggersBySentence[i] = [];
        }

        foreach (var t in triggers)
        {
            triggersBySentence[sentenceOfToken[t.FirstToken]].Add(t);
        }

        foreach (var a in context.Actors)
        {
            actorsBySentence[sentenceOfToken[a.FirstToken]].Add(a);
        }

        foreach (var c in casualties)
        {
            casualtiesBySentence[c.Sentence].Add(c);
        }

        return new EventDocument(context)
        {
            Lexicon = lexicon,
            Modality = modality,
            Background = background,
            ActionVerbs = actionVerbs,
            ArrestContext = arrestContext,
            ProtestContext = protestContext,
            TriggersBySentence = triggersBySentence,
            ActorsBySentence = actorsBySentence,
            CasualtiesBySentence = casualtiesBySentence,
        };
    }
}

/// <summary>One sentence with triggers, as the per-trigger passes see it.</summary>
internal sealed class SentenceScope
{
    /// <summary>Creates the scope of sentence <paramref name="index"/>.</summary>
    /// <param name="document">The document's lookups.</param>
    /// <param name="index">Index of the sentence.</param>
    /// <param name="triggers">The triggers considered in it.</param>
    /// <param name="clauses">Its clauses.</param>
    public SentenceScope(EventDocument document, int index, List<PhraseMatch<IReadOnlyList<TriggerClass>>> triggers, IReadOnlyList<Sentence> clauses)
    {
        Document = document;
        Index = index;
        Sentence = document.Text.Sentences[index];
        Triggers = triggers;
        Actors = document.ActorsBySentence[index];
        Casualties = document.CasualtiesBySentence[index];
        Classes = triggers.Select(m => m.Value[0].Name).ToHashSet(StringComparer.Ordinal);
        Clauses = clauses;
    }

    /// <summary>The document's lookups.</summary>
    public EventDocument Document { get; }

    /// <summary>Index of the sentence.</summary>
    public int Index { get; }

    /// <summary>The sentence.</summary>
    public Sentence Sentence { get; }

    /// <summary>The triggers considered in the sentence.</summary>
    public List<PhraseMatch<IReadOnlyList<TriggerClass>>> Triggers { get; }

    /// <summary>The sentence's actor mentions.</summary>
    public List<ActorMention> Actors { get; }

    /// <summary>The sentence's casualty figures.</summary>
    public List<CasualtyMention> Casualties { get; }

    /// <summary>The classes of the sentence's triggers.</summary>
    public HashSet<string> Classes { get; }

    /// <summary>The sentence's clauses.</summary>
    public IReadOnlyList<Sentence> Clauses { get; }

    /// <summary>The clause holding token <paramref name="token"/> (an empty range when none does).</summary>
    public Sentence ClauseOf(int token) => Clauses.FirstOrDefault(c => token >= c.FirstToken && token < c.EndToken);

    /// <summary>Territory words need the territory: a place named within a few words after <paramref name="fromToken"/>.</summary>
    public bool PlaceAfter(int fromToken)
    {
        var tokens = Document.Tokens;
        var sentence = Sentence;
        var start = tokens[Math.Min(fromToken, tokens.Count - 1)].Start;
        var end = tokens[Math.Min(fromToken + 7, sentence.EndToken - 1)].End;
        return Document.Context.Places.Mentions.Any(p => p.Span.Start >= start && p.Span.Start < end);
    }
}
