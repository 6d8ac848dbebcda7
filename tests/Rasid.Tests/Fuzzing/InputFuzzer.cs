using System.Text;
using Rasid.Ingestion;
using Rasid.Pipeline;

namespace Rasid.Tests.Fuzzing;

/// <summary>One generated input: what it is, the bytes, and the good documents that must come out of it unchanged.</summary>
/// <param name="Kind">The generator that made it (for reports).</param>
/// <param name="Origin">The file name it is parsed as (its extension picks the format, or "stdin").</param>
/// <param name="Bytes">The content.</param>
/// <param name="MustKeep">Documents (id, text) a correct parser returns whatever else the input holds.</param>
public sealed record FuzzInput(string Kind, string Origin, byte[] Bytes, IReadOnlyList<(string Id, string Text)> MustKeep);

/// <summary>
/// Seeded random and mutated inputs for parsing and extraction (issue 13): binary bytes, truncated or corrupted UTF-8 and
/// Windows-1256, huge lines, deep HTML, broken RSS/Atom feeds and JSON Lines, each next to good documents that must
/// survive. Shared by the test suite (a few hundred inputs) and `bench/Rasid.Benchmarks fuzz` (100,000 and more).
/// </summary>
public sealed class InputFuzzer
{
    private static readonly string[] s_words =
    [
        "اشتباكات", "قتل", "مسلحون", "الحوثي", "الجيش", "في", "مديرية", "المخا", "محافظة", "تعز", "أمس", "الجمعة", "غارة",
        "جوية", "على", "قرية", "شمال", "حلب", "خمسة", "أشخاص", "وأصيب", "عشرة", "آخرون", "،", ".", "\n", "2024", "5", "قوات",
        "المقاومة", "الشعبية", "اختطاف", "ناشط", "عبوة", "ناسفة", "مظاهرة", "بغداد", "&amp;", "<b>", "</b>", "\"", "\\", "\t",
    ];

    private static readonly string[] s_origins = ["a.txt", "a.html", "a.xml", "a.jsonl", "stdin", "a.rss", "a.dat"];

    private readonly Random _random;
    private readonly int _maxLine;
    private int _serial;

    /// <summary>Creates a generator; <paramref name="maxLine"/> bounds the "huge line" inputs (characters).</summary>
    public InputFuzzer(int seed, int maxLine = 200_000)
    {
        _random = new Random(seed);
        _maxLine = maxLine;
    }

    /// <summary>The next input.</summary>
    public FuzzInput Next()
    {
        _serial++;
        return _random.Next(9) switch
        {
            0 => RandomBytes(),
            1 => MutatedUtf8(),
            2 => TruncatedCp1256(),
            3 => HugeLine(),
            4 => DeepHtml(),
            5 => BrokenFeed(),
            6 => BrokenJsonLines(),
            7 => MutatedHtml(),
            _ => GoodText(),
        };
    }

    /// <summary>
    /// Parses <paramref name="input"/> and extracts every document it yields; returns what went wrong (null when nothing):
    /// an exception, a parser fault turned into an error, an item that is neither document nor error, or a good document
    /// lost or changed.
    /// </summary>
    public static string? Check(FuzzInput input, RasidPipeline pipeline, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(pipeline);
        List<IngestItem> items;
        try
        {
            items = [.. DocumentParser.Parse(input.Origin, input.Bytes, options)];
        }
#pragma warning disable CA1031 // A fuzz harness reports every exception as a finding.
        catch (Exception ex)
        {
            return $"parse threw {ex.GetType().Name}: {ex.Message}";
        }

        if (items.Count == 0)
        {
            return "no item at all";
        }

        foreach (var item in items)
        {
            if ((item.Document is null) == (item.Error is null))
            {
                return "an item is both or neither document and error";
            }

            if (item.Error is { } error && error.Message.StartsWith("could not be parsed", StringComparison.Ordinal))
            {
                return "parser fault: " + error.Message;
            }
        }

        foreach (var (id, text) in input.MustKeep)
        {
            var found = items.FirstOrDefault(i => i.Document?.Id == id).Document;
            if (found is null)
            {
                return $"good document '{id}' lost";
            }

            if (found.Text != text)
            {
                return $"good document '{id}' changed";
            }
        }

        foreach (var document in items.Select(i => i.Document).OfType<SourceDocument>())
        {
            try
            {
                var result = pipeline.Extract(document, withText: true);
                if (result.DocId != document.Id)
                {
                    return $"extraction of '{document.Id}' returned another id";
                }
            }
            catch (Exception ex)
            {
                return $"extraction of '{document.Id}' threw {ex.GetType().Name}: {ex.Message}";
            }
#pragma warning restore CA1031
        }

        return null;
    }

    private string Words(int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(s_words[_random.Next(s_words.Length)]).Append(' ');
        }

        return sb.ToString().Trim();
    }

    // Never empty (a sentence of only removed tokens would leave a good feed entry with no text, and its title would stand in).
    private string Sentence() => SentenceOrEmpty() is { Length: > 0 } s ? s : "نص";

    private string SentenceOrEmpty() => Words(_random.Next(4, 30)).Replace("<b>", "ب", StringComparison.Ordinal).Replace("</b>", "ت", StringComparison.Ordinal)
        .Replace("&amp;", "و", StringComparison.Ordinal).Replace("\"", "«", StringComparison.Ordinal).Replace("\\", "/", StringComparison.Ordinal)
        .Replace("\t", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate(string.Empty, (a, w) => a.Length == 0 ? w : a + " " + w);

    private string Origin() => s_origins[_random.Next(s_origins.Length)];

    private FuzzInput RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 4000)];
        _random.NextBytes(bytes);
        return new FuzzInput("binary", Origin(), bytes, []);
    }

    private FuzzInput GoodText()
    {
        var text = Sentence() + ".";
        return new FuzzInput("good text", $"good{_serial}.txt", Encoding.UTF8.GetBytes(text), [($"good{_serial}", text)]);
    }

    private byte[] Mutate(byte[] bytes)
    {
        var copy = bytes.ToList();
        for (var n = _random.Next(1, 6); n > 0 && copy.Count > 0; n--)
        {
            var at = _random.Next(copy.Count);
            switch (_random.Next(4))
            {
                case 0:
                    copy[at] = (byte)_random.Next(256);
                    break;
                case 1:
                    copy.Insert(at, (byte)_random.Next(0x80, 0x100));
                    break;
                case 2:
                    copy.RemoveAt(at);
                    break;
                default:
                    copy.RemoveRange(at, copy.Count - at); // truncated
                    break;
            }
        }

        return [.. copy];
    }

    private FuzzInput MutatedUtf8() => new("mutated utf-8", Origin(), Mutate(Encoding.UTF8.GetBytes(Words(_random.Next(1, 400)))), []);

    private FuzzInput TruncatedCp1256()
    {
        var bytes = CodePages.Windows1256.GetBytes(Words(_random.Next(1, 400)).Replace("&amp;", "و", StringComparison.Ordinal) + "ن");
        return new FuzzInput("windows-1256", Origin(), _random.Next(2) == 0 ? bytes[..Math.Max(1, _random.Next(bytes.Length))] : Mutate(bytes), []);
    }

    private FuzzInput HugeLine()
    {
        var sb = new StringBuilder();
        var target = _random.Next(_maxLine / 4, _maxLine);
        while (sb.Length < target)
        {
            sb.Append(Sentence()).Append(_random.Next(8) == 0 ? "، " : " ");
        }

        var text = sb.ToString().Trim();
        return new FuzzInput("huge line", $"huge{_serial}.txt", Encoding.UTF8.GetBytes(text), [($"huge{_serial}", text)]);
    }

    private FuzzInput DeepHtml()
    {
        string[] tags = ["div", "span", "b", "font", "table", "td", "p", "li", "a", "section"];
        var depth = _random.Next(10, 30_000);
        var sb = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++)
        {
            sb.Append('<').Append(tags[_random.Next(tags.Length)]).Append('>');
        }

        sb.Append("<p>").Append(Sentence()).Append("</p>");
        if (_random.Next(2) == 0)
        {
            for (var i = 0; i < depth; i++)
            {
                sb.Append("</").Append(tags[_random.Next(tags.Length)]).Append('>');
            }
        }

        return new FuzzInput("deep html", _random.Next(2) == 0 ? "deep.html" : "stdin", Encoding.UTF8.GetBytes(sb.ToString()), []);
    }

    private FuzzInput MutatedHtml()
    {
        var html = $"<html><head><title>{Sentence()}</title><meta property=\"article:published_time\" content=\"2024-0{_random.Next(1, 10)}-1{_random.Next(10)}\"></head>"
            + $"<body><nav>{Sentence()}</nav><article><h1>{Sentence()}</h1><p>{Sentence()}</p><p>{Sentence()}</p></article><footer>{Sentence()}</footer></body></html>";
        return new FuzzInput("mutated html", "page.html", Mutate(Encoding.UTF8.GetBytes(html)), []);
    }

    private FuzzInput BrokenFeed()
    {
        var good = Sentence();
        var atom = _random.Next(2) == 0;
        var sb = new StringBuilder(atom ? "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>\n" : "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\n");
        sb.Append(atom
            ? $"<entry><id>keep{_serial}</id><title>عنوان</title><content type=\"text\">{good}</content></entry>\n"
            : $"<item><guid>keep{_serial}</guid><title>عنوان</title><description>{good}</description></item>\n");
        string[] breakage =
        [
            "<item><title>x</title><description>" + Words(30),
            "<item><![CDATA[" + Words(10),
            "<entry><content type=\"html\">&lt;div&gt;" + Words(10) + "&lt;/b&gt;</content>",
            "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><item><title>&b;&b;&b;</title></item>",
            "<item><description><![CDATA[" + string.Concat(Enumerable.Repeat("<div>", _random.Next(10, 3000))) + "]]></description></item>",
            "<item>\u0001\u0002</item>",
            "</channel></rss><item>",
        ];
        var goodEnd = Encoding.UTF8.GetByteCount(sb.ToString());
        sb.Append(breakage[_random.Next(breakage.Length)]);
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        if (_random.Next(3) == 0)
        {
            bytes = bytes[.._random.Next(goodEnd, bytes.Length + 1)]; // truncated after the good item
        }

        return new FuzzInput("broken feed", atom ? "feed.atom" : "feed.xml", bytes, [($"keep{_serial}", good)]);
    }

    private FuzzInput BrokenJsonLines()
    {
        var first = Sentence();
        var last = Sentence();
        string[] junk =
        [
            "{\"id\":\"x\",\"text\":\"" + Words(5),
            "{\"id\":12,\"text\":42}",
            "[" + string.Concat(Enumerable.Repeat("[", _random.Next(1, 5000))),
            "{\"id\":\"h\",\"html\":\"" + string.Concat(Enumerable.Repeat("<div>", _random.Next(1, 5000))) + "\"}",
            "{\"id\":null}",
            "\u00ff\u00fe",
            "{\"id\":\"e\",\"text\":\"\\ud800\"}",
            "{\"id\":\"" + new string('i', _random.Next(1, 3000)) + "\",\"text\":\"نص\"}",
            "{\"id\":\"big\",\"text\":\"" + new string('ن', _random.Next(1, 3000)) + "\",\"published\":\"9999-99-99\"}",
        ];
        var lines = new List<string> { $"{{\"id\":\"first{_serial}\",\"text\":\"{first}\"}}" };
        for (var n = _random.Next(1, 6); n > 0; n--)
        {
            lines.Add(junk[_random.Next(junk.Length)]);
        }

        lines.Add($"{{\"id\":\"last{_serial}\",\"text\":\"{last}\"}}");
        return new FuzzInput("broken jsonl", "docs.jsonl", Encoding.UTF8.GetBytes(string.Join('\n', lines)), [($"first{_serial}", first), ($"last{_serial}", last)]);
    }

    private static class CodePages
    {
        public static readonly Encoding Windows1256 = Create();

        private static Encoding Create()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1256);
        }
    }
}
