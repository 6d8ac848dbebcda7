using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Rasid.Ingestion;

/// <summary>
/// Reads RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: each item/entry becomes one document. Streaming XmlReader, no DTDs,
/// no external entities. A truncated or malformed feed keeps the items read before the fault and reports the fault with
/// its line.
/// </summary>
internal static partial class FeedParser
{
    private sealed class Entry
    {
        public int Number { get; init; }

        public int Line { get; init; }

        public string? Title { get; set; }

        public string? TitleMarkup { get; set; }

        public string? Link { get; set; }

        public string? Id { get; set; }

        public string? Date { get; set; }

        public string? Description { get; set; }

        public string? Content { get; set; }

        public bool ContentIsPlain { get; set; }
    }

    /// <summary>True when the first element of <paramref name="text"/> is an &lt;rss&gt;, &lt;feed&gt; or &lt;rdf:RDF&gt; root.</summary>
    public static bool LooksLikeFeed(string text) => RootName(text) is { } name
        && (name.Equals("rss", StringComparison.OrdinalIgnoreCase) || name.Equals("feed", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("RDF", StringComparison.OrdinalIgnoreCase));

    /// <summary>The name of the first element, skipping the XML declaration, comments and a doctype.</summary>
    public static string? RootName(string text)
    {
        var m = RootPattern().Match(text.Length > 4000 ? text[..4000] : text);
        return m.Success ? m.Groups["name"].Value : null;
    }

    /// <summary>Reads the items of a feed; <paramref name="stem"/> names items without a guid/id ("stem#3").</summary>
    public static List<IngestItem> Parse(string origin, string stem, string text, IngestOptions options)
    {
        var results = new List<IngestItem>();
        string? feedTitle = null;
        Entry? current = null;
        var count = 0;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            MaxCharactersFromEntities = 1024,
            CheckCharacters = false,
        };

        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var lineInfo = (IXmlLineInfo)reader;
            var itemDepth = -1;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && current is not null && reader.Depth == itemDepth)
                {
                    results.Add(ToItem(origin, stem, current, feedTitle, options));
                    current = null;
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var name = reader.LocalName;
                if (current is null)
                {
                    if (name is "item" or "entry")
                    {
                        current = new Entry { Number = ++count, Line = lineInfo.LineNumber };
                        itemDepth = reader.Depth;
                        if (reader.IsEmptyElement)
                        {
                            results.Add(ToItem(origin, stem, current, feedTitle, options));
                            current = null;
                        }
                    }
                    else if (name == "title" && feedTitle is null && reader.Depth <= 2)
                    {
                        feedTitle = Clean(ReadMarkup(reader));
                    }

                    continue;
                }

                ReadField(reader, name, current);
            }

            if (current is not null)
            {
                results.Add(IngestItem.Failed(new IngestError(origin, current.Line, $"item {current.Number} is not closed (truncated feed?)")));
            }
        }
        catch (XmlException ex)
        {
            var where = current is null ? string.Empty : $" in item {current.Number}";
            results.Add(IngestItem.Failed(new IngestError(origin, ex.LineNumber > 0 ? ex.LineNumber : null, $"malformed or truncated XML{where}: {ex.Message}")));
        }

        if (count == 0 && results.Count == 0)
        {
            results.Add(IngestItem.Failed(new IngestError(origin, null, "the feed has no items")));
        }

        return results;
    }

    private static void ReadField(XmlReader reader, string name, Entry entry)
    {
        switch (name)
        {
            case "title":
                // Kept as markup: ToItem checks its nesting before parsing it.
                var titleMarkup = ReadMarkup(reader);
                if (string.IsNullOrWhiteSpace(entry.TitleMarkup))
                {
                    entry.TitleMarkup = titleMarkup;
                }
                break;
            case "link":
                var href = reader.GetAttribute("href");
                var rel = reader.GetAttribute("rel");
                if (href is not null)
                {
                    if (rel is null or "alternate")
                    {
                        entry.Link ??= href.Trim();
                    }
                }
                else
                {
                    entry.Link ??= Clean(ReadMarkup(reader));
                }

                break;
            case "guid" or "id":
                entry.Id ??= Clean(ReadMarkup(reader));
                break;
            case "pubDate" or "published" or "date" or "issued":
                entry.Date = Clean(ReadMarkup(reader)) ?? entry.Date;
                break;
            case "updated" or "modified":
                entry.Date ??= Clean(ReadMarkup(reader));
                break;
            case "description" or "summary":
                var description = ReadBody(reader, out _);
                if (entry.Description is null && !string.IsNullOrWhiteSpace(description))
                {
                    entry.Description = description;
                }

                break;
            case "encoded" or "content" when !reader.NamespaceURI.Contains("mrss", StringComparison.Ordinal):
                var content = ReadBody(reader, out var plain);
                if (entry.Content is null && !string.IsNullOrWhiteSpace(content))
                {
                    entry.Content = content;
                    entry.ContentIsPlain = plain;
                }

                break;
            default:
                break;
        }
    }

    private static string ReadBody(XmlReader reader, out bool plain)
    {
        // Atom type="text" is plain text; RSS descriptions and Atom html/xhtml hold markup.
        var type = reader.GetAttribute("type");
        plain = string.Equals(type, "text", StringComparison.OrdinalIgnoreCase);
        return ReadMarkup(reader);
    }

    /// <summary>
    /// The element's content as markup: text and CDATA are taken unescaped (escaped HTML becomes HTML again) and
    /// child elements are rewritten as tags. Leaves the reader on the element's end tag.
    /// </summary>
    private static string ReadMarkup(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        var depth = reader.Depth;
        var sb = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    sb.Append(reader.Value);
                    break;
                case XmlNodeType.Element:
                    sb.Append('<').Append(reader.LocalName).Append(reader.IsEmptyElement ? "/>" : ">");
                    break;
                case XmlNodeType.EndElement:
                    sb.Append("</").Append(reader.LocalName).Append('>');
                    break;
                default:
                    break;
            }
        }

        return sb.ToString();
    }

    private static IngestItem ToItem(string origin, string stem, Entry e, string? feedTitle, IngestOptions options)
    {
        // Markup is bounded before the HTML parser sees it: length, then nesting depth.
        foreach (var markup in new[] { e.TitleMarkup, e.ContentIsPlain ? null : e.Content, e.Description })
        {
            if (markup is not null && DocumentParser.CheckMarkup(origin, e.Line, markup, options) is { } refused)
            {
                return IngestItem.Failed(refused.Error! with { Message = $"item {e.Number}: {refused.Error!.Message}" });
            }
        }

        e.Title = e.TitleMarkup is null ? null : Clean(HtmlExtractor.FragmentToText(e.TitleMarkup));
        var body = Longer(e.Content is null ? null : e.ContentIsPlain ? e.Content.Trim() : HtmlExtractor.FragmentToText(e.Content),
            e.Description is null ? null : HtmlExtractor.FragmentToText(e.Description));
        if (string.IsNullOrWhiteSpace(body))
        {
            // Headline-only feeds: the title is all the text there is.
            body = e.Title;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return IngestItem.Failed(new IngestError(origin, e.Line, $"item {e.Number} has neither text nor title"));
        }

        if (DocumentParser.CheckLength(origin, e.Line, body, options) is { } tooLong)
        {
            return IngestItem.Failed(tooLong.Error! with { Message = $"item {e.Number}: {tooLong.Error!.Message}" });
        }

        DateOnly? published = PublicationDate.TryParse(e.Date, out var d) ? d : options.DefaultPublished;
        return IngestItem.Ok(new SourceDocument
        {
            Id = string.IsNullOrWhiteSpace(e.Id) ? $"{stem}#{e.Number}" : e.Id,
            Text = body,
            Title = e.Title,
            Url = e.Link,
            Publisher = feedTitle,
            Published = published,
            Origin = $"{origin}#{e.Number}",
        });
    }

    private static string? Longer(string? a, string? b) =>
        string.IsNullOrWhiteSpace(a) ? b : string.IsNullOrWhiteSpace(b) ? a : a.Length >= b.Length ? a : b;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^\uFEFF?\s*(?:<\?xml.*?\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>|<\?.*?\?>)\s*)*<(?<name>[A-Za-z_][\w:.\-]*)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex RootPattern();
}
