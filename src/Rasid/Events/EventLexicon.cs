using System.Globalization;
using Rasid.Data;
using Rasid.Text;

namespace Rasid.Events;

/// <summary>What a trigger class means before context rules refine it (a row of data/events/trigger_classes.tsv).</summary>
/// <param name="Name">Class name, e.g. "air" or "abduction".</param>
/// <param name="EventType">Default ACLED event type.</param>
/// <param name="SubEventType">Default ACLED sub-event type.</param>
/// <param name="Strong">True when the trigger is an event on its own; weak ones need an actor, a count or an action verb.</param>
public sealed record TriggerClass(string Name, string EventType, string SubEventType, bool Strong);

/// <summary>A casualty cue (a row of data/events/casualties.tsv).</summary>
/// <param name="Role">killed, injured, captured or released.</param>
/// <param name="NumberAfter">True when the number follows the cue ("مقتل 12"); false when it precedes it ("12 قتيلا").</param>
/// <param name="Window">How many tokens may separate cue and number.</param>
/// <param name="CountsNouns">True when person nouns after the cue count without a number ("مقتل جندي" = 1).</param>
/// <param name="SelfCount">For cues that state their own number ("قتيلان" = 2): that number; else 0.</param>
/// <param name="StatesNone">True for phrases that say no one was hurt ("دون وقوع إصابات"): the figure is 0.</param>
public sealed record CasualtyCue(string Role, bool NumberAfter, int Window, bool CountsNouns, int SelfCount = 0, bool StatesNone = false);

/// <summary>A person noun with the number its form states (singular 1, dual 2, plural 0) and whether it marks civilians or combatants.</summary>
/// <param name="Count">People stated by the form itself (0 for plurals).</param>
/// <param name="Civilian">True for civilian nouns.</param>
/// <param name="Armed">True for combatant nouns.</param>
public sealed record PersonNoun(int Count, bool Civilian, bool Armed);

/// <summary>A modality cue: negation, denial, threat, intention, condition, call... (data/events/modality.tsv).</summary>
/// <param name="Kind">What kind of cue.</param>
/// <param name="Window">Tokens before the trigger it may stand; 0 = anywhere earlier in the sentence.</param>
public sealed record ModalityCue(string Kind, int Window);

/// <summary>The event-extraction word lists, loaded once from data/events/.</summary>
public sealed class EventLexicon
{
    private EventLexicon()
    {
    }

    /// <summary>Trigger words and phrases, each with its class.</summary>
    public PhraseMatcher<TriggerClass> Triggers { get; } = new();

    /// <summary>Phrases in which trigger words are not events (figurative uses, "under the control of"...).</summary>
    public PhraseMatcher<string> Blockers { get; } = new();

    /// <summary>Negation, irrealis and reporting cues.</summary>
    public PhraseMatcher<ModalityCue> Modality { get; } = new();

    /// <summary>Casualty cues.</summary>
    public PhraseMatcher<CasualtyCue> Casualties { get; } = new();

    /// <summary>Action verbs that confirm weak triggers.</summary>
    public PhraseMatcher<bool> ActionVerbs { get; } = new();

    /// <summary>Sport, culture and technology words: documents dense in them use war words figuratively.</summary>
    public PhraseMatcher<string> SportContext { get; } = new();

    /// <summary>Words that make a demonstration word a protest rather than a festival or fair.</summary>
    public PhraseMatcher<bool> ProtestContext { get; } = new();

    /// <summary>Time phrases that make an event background or habitual ("في السنوات الماضية").</summary>
    public PhraseMatcher<string> Background { get; } = new();

    /// <summary>Words that make an arrest political rather than ordinary crime.</summary>
    public PhraseMatcher<bool> ArrestContext { get; } = new();

    private HashSet<string>[] _cueSets = [];

    /// <summary>The words of cue set <paramref name="set"/> (data/events/cue_words.tsv) in key form (not_future_prefix: normalised prefixes).</summary>
    public IReadOnlySet<string> Cues(CueSet set) => _cueSets[(int)set];

    /// <summary>True when <paramref name="word"/> (a normalised token; a leading و/ف and article are ignored) is in cue set <paramref name="set"/>.</summary>
    public bool IsCue(CueSet set, string word) => _cueLookups[(int)set].Contains(KeySpan(word));

    /// <summary>Each cue set's look-up by span, made once (a look-up runs per token).</summary>
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>>[] _cueLookups = [];

    /// <summary>True when a word of <paramref name="sentence"/> is in cue set <paramref name="set"/>.</summary>
    public bool SentenceHas(IReadOnlyList<Token> tokens, Sentence sentence, CueSet set)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var i = sentence.FirstToken; i < sentence.EndToken; i++)
        {
            if (IsCue(set, tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Token <paramref name="i"/> is "منذ" followed within three words by a period's length ("منذ ثلاث سنوات") or, when
    /// <paramref name="orStart"/>, its start ("منذ بدء الحملة", "منذ أن بدأت"); words from <paramref name="end"/> on are not read.
    /// </summary>
    public bool IsSincePeriod(IReadOnlyList<Token> tokens, int i, bool orStart, int end = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!IsCue(CueSet.Since, tokens[i].Text))
        {
            return false;
        }

        for (var j = i + 1; j < Math.Min(Math.Min(tokens.Count, end), i + 4); j++)
        {
            if (IsCue(CueSet.DurationUnit, tokens[j].Text) || orStart && IsCue(CueSet.PeriodStart, tokens[j].Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The comparison key of a token: without a leading و/ف (when a stem of 3+ letters stays) and without the article.</summary>
    public static string Key(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return CliticSegmenter.ArticleFreeKey(word.Length > 3 && word[0] is 'و' or 'ف' ? word[1..] : word);
    }

    /// <summary><see cref="Key"/> as a span of <paramref name="word"/> (no string: a cue look-up runs per token).</summary>
    private static ReadOnlySpan<char> KeySpan(string word)
    {
        var w = word.Length > 3 && word[0] is 'و' or 'ف' ? word.AsSpan(1) : word.AsSpan();
        return w[ProcliticCandidates.ArticleLength(w)..];
    }

    /// <summary>Person nouns by normalised, article-free form.</summary>
    public IReadOnlyDictionary<string, PersonNoun> PersonNouns => _personNouns;

    private Dictionary<string, PersonNoun> _personNouns = new(StringComparer.Ordinal);

    /// <summary>Loads every list from data/events/ in <paramref name="data"/>.</summary>
    public static EventLexicon Load(IDataSource data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var lexicon = new EventLexicon();
        var classes = new Dictionary<string, TriggerClass>(StringComparer.Ordinal);
        foreach (var row in TsvReader.Read(data, "events/trigger_classes.tsv"))
        {
            classes[row["class"]] = new TriggerClass(row["class"], row["event_type"], row["sub_event_type"], row["strength"] == "strong");
        }

        foreach (var name in TriggerClasses.All)
        {
            if (!classes.ContainsKey(name))
            {
                throw new InvalidDataException($"events/trigger_classes.tsv: the rules use class '{name}', which the file does not define");
            }
        }

        foreach (var row in TsvReader.Read(data, "events/triggers.tsv"))
        {
            if (!classes.TryGetValue(row["class"], out var cls))
            {
                throw new InvalidDataException($"{row.Location}: unknown trigger class '{row["class"]}'");
            }

            lexicon.Triggers.Add(row["phrase"], cls);
        }

        foreach (var row in TsvReader.Read(data, "events/blockers.tsv"))
        {
            lexicon.Blockers.Add(row["phrase"], row["note"]);
        }

        foreach (var row in TsvReader.Read(data, "events/modality.tsv"))
        {
            lexicon.Modality.Add(row["phrase"], new ModalityCue(row["kind"], int.Parse(row["window"], CultureInfo.InvariantCulture)));
        }

        foreach (var row in TsvReader.Read(data, "events/casualties.tsv"))
        {
            var window = int.Parse(row["window"], CultureInfo.InvariantCulture);
            var self = row["position"] == "self";
            var none = row["position"] == "none";
            lexicon.Casualties.Add(row["phrase"], new CasualtyCue(
                row["role"], row["position"] == "before", self || none ? 0 : window, row["noun_count"] == "yes", self ? window : 0, none));
        }

        foreach (var row in TsvReader.Read(data, "events/action_verbs.tsv"))
        {
            lexicon.ActionVerbs.Add(row["phrase"], true);
        }

        foreach (var row in TsvReader.Read(data, "events/sport_context.tsv"))
        {
            lexicon.SportContext.Add(row["word"], row["word"]);
        }

        foreach (var row in TsvReader.Read(data, "events/protest_context.tsv"))
        {
            lexicon.ProtestContext.Add(row["word"], true);
        }

        foreach (var row in TsvReader.Read(data, "events/background.tsv"))
        {
            lexicon.Background.Add(row["phrase"], row["note"]);
        }

        foreach (var row in TsvReader.Read(data, "events/arrest_context.tsv"))
        {
            lexicon.ArrestContext.Add(row["word"], true);
        }

        lexicon._cueSets = LoadCueSets(data);
        lexicon._cueLookups = [.. lexicon._cueSets.Select(set => set.GetAlternateLookup<ReadOnlySpan<char>>())];
        var nouns = new Dictionary<string, PersonNoun>(StringComparer.Ordinal);
        foreach (var row in TsvReader.Read(data, "events/person_nouns.tsv"))
        {
            var key = CliticSegmenter.ArticleFreeKey(ArabicNormalizer.NormalizeKey(row["form"]));
            nouns[key] = new PersonNoun(int.Parse(row["count"], CultureInfo.InvariantCulture), row["civilian"] == "yes", row["armed"] == "yes");
        }

        lexicon._personNouns = nouns;
        return lexicon;
    }

    /// <summary>The person noun a token stands for (with proclitics stripped), or null.</summary>
    public PersonNoun? PersonNounOf(string tokenText)
    {
        // The article-free keys of CliticSegmenter.StemCandidates, in its order, read as spans of the token.
        Span<ProcliticKey> readings = stackalloc ProcliticKey[ProcliticCandidates.MaxCandidates];
        var nouns = _personNouns.GetAlternateLookup<ReadOnlySpan<char>>();
        var count = ProcliticCandidates.FillKeys(tokenText, readings);
        for (var i = 0; i < count; i++)
        {
            if (nouns.TryGetValue(tokenText.AsSpan(readings[i].KeyStart), out var noun))
            {
                return noun;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads data/events/cue_words.tsv into one set per <see cref="CueSet"/>: a set name the code does not know, or a
    /// set the code uses without words, fails here with the file (and line).
    /// </summary>
    private static HashSet<string>[] LoadCueSets(IDataSource data)
    {
        const string path = "events/cue_words.tsv";
        var byName = Enum.GetValues<CueSet>().ToDictionary(CueSetName, StringComparer.Ordinal);
        var sets = new HashSet<string>[byName.Count];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var row in TsvReader.Read(data, path))
        {
            if (!byName.TryGetValue(row["set"], out var set))
            {
                throw new InvalidDataException($"{row.Location}: unknown cue set '{row["set"]}' (known: {string.Join(", ", byName.Keys)})");
            }

            var word = ArabicNormalizer.NormalizeKey(row["word"]);
            sets[(int)set].Add(set == CueSet.NotFuturePrefix ? word : CliticSegmenter.ArticleFreeKey(word));
        }

        foreach (var (name, set) in byName)
        {
            if (sets[(int)set].Count == 0)
            {
                throw new InvalidDataException($"{path}: cue set '{name}' has no words");
            }
        }

        return sets;
    }

    /// <summary>The name of <paramref name="set"/> in the set column: snake case ("patient_cue" for PatientCue).</summary>
    internal static string CueSetName(CueSet set)
    {
        var name = set.ToString();
        var builder = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsAsciiLetterUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}

/// <summary>The closed word classes the event rules use (column set of data/events/cue_words.tsv, in snake case).</summary>
public enum CueSet
{
    /// <summary>The words of set after in cue_words.tsv.</summary>
    After,

    /// <summary>The words of set agent_cue in cue_words.tsv.</summary>
    AgentCue,

    /// <summary>The words of set agreement_not_new in cue_words.tsv.</summary>
    AgreementNotNew,

    /// <summary>The words of set agreement_onset in cue_words.tsv.</summary>
    AgreementOnset,

    /// <summary>The words of set aircraft_not_striking in cue_words.tsv.</summary>
    AircraftNotStriking,

    /// <summary>The words of set armed_owner in cue_words.tsv.</summary>
    ArmedOwner,

    /// <summary>The words of set armed_owner_link in cue_words.tsv.</summary>
    ArmedOwnerLink,

    /// <summary>The words of set between in cue_words.tsv.</summary>
    Between,

    /// <summary>The words of set booby_trap in cue_words.tsv.</summary>
    BoobyTrap,

    /// <summary>The words of set casualty_word in cue_words.tsv.</summary>
    CasualtyWord,

    /// <summary>The words of set ceasefire_word in cue_words.tsv.</summary>
    CeasefireWord,

    /// <summary>The words of set civilian_place in cue_words.tsv.</summary>
    CivilianPlace,

    /// <summary>The words of set claim_cue in cue_words.tsv.</summary>
    ClaimCue,

    /// <summary>The words of set companion_group in cue_words.tsv.</summary>
    CompanionGroup,

    /// <summary>The words of set companion_one in cue_words.tsv.</summary>
    CompanionOne,

    /// <summary>The words of set companion_one_of in cue_words.tsv.</summary>
    CompanionOneOf,

    /// <summary>The words of set companion_two in cue_words.tsv.</summary>
    CompanionTwo,

    /// <summary>The words of set companion_with in cue_words.tsv.</summary>
    CompanionWith,

    /// <summary>The words of set count_and in cue_words.tsv.</summary>
    CountAnd,

    /// <summary>The words of set count_filler in cue_words.tsv.</summary>
    CountFiller,

    /// <summary>The words of set count_stop in cue_words.tsv.</summary>
    CountStop,

    /// <summary>The words of set complementizer in cue_words.tsv.</summary>
    Complementizer,

    /// <summary>The words of set crowd_noun in cue_words.tsv.</summary>
    CrowdNoun,

    /// <summary>The words of set demonstrative in cue_words.tsv.</summary>
    Demonstrative,

    /// <summary>The words of set detonate_far in cue_words.tsv.</summary>
    DetonateFar,

    /// <summary>The words of set disarm_verb in cue_words.tsv.</summary>
    DisarmVerb,

    /// <summary>The words of set drone in cue_words.tsv.</summary>
    Drone,

    /// <summary>The words of set duration_unit in cue_words.tsv.</summary>
    DurationUnit,

    /// <summary>The words of set elapsed_unit in cue_words.tsv.</summary>
    ElapsedUnit,

    /// <summary>The words of set handover_cue in cue_words.tsv.</summary>
    HandoverCue,

    /// <summary>The words of set killed_verb in cue_words.tsv.</summary>
    KilledVerb,

    /// <summary>The words of set lam_governor in cue_words.tsv.</summary>
    LamGovernor,

    /// <summary>The words of set not_future_prefix in cue_words.tsv.</summary>
    NotFuturePrefix,

    /// <summary>The words of set patient_cue in cue_words.tsv.</summary>
    PatientCue,

    /// <summary>The words of set reporting_verb in cue_words.tsv.</summary>
    ReportingVerb,

    /// <summary>The words of set resumptive in cue_words.tsv.</summary>
    Resumptive,

    /// <summary>The words of set period_start in cue_words.tsv.</summary>
    PeriodStart,

    /// <summary>The words of set partitive in cue_words.tsv.</summary>
    Partitive,

    /// <summary>The words of set range_open in cue_words.tsv.</summary>
    RangeOpen,

    /// <summary>The words of set range_to in cue_words.tsv.</summary>
    RangeTo,

    /// <summary>The words of set since in cue_words.tsv.</summary>
    Since,

    /// <summary>The words of set source_cue in cue_words.tsv.</summary>
    SourceCue,

    /// <summary>The words of set speaker_verb in cue_words.tsv.</summary>
    SpeakerVerb,

    /// <summary>The words of set statement_verb in cue_words.tsv.</summary>
    StatementVerb,

    /// <summary>The words of set subset_marker in cue_words.tsv.</summary>
    SubsetMarker,

    /// <summary>The words of set support_cue in cue_words.tsv.</summary>
    SupportCue,

    /// <summary>The words of set upper_bound in cue_words.tsv.</summary>
    UpperBound,

    /// <summary>The words of set vehicle in cue_words.tsv.</summary>
    Vehicle,

    /// <summary>The words of set year_open in cue_words.tsv.</summary>
    YearOpen,

    /// <summary>The words of set year_word in cue_words.tsv.</summary>
    YearWord,
}
