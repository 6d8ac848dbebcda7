using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Rasid.Text;

namespace Rasid.Ingestion;

/// <summary>What <see cref="HtmlExtractor"/> found in a page.</summary>
/// <param name="Text">The main text, one paragraph per line pair ("\n\n" between blocks, "\n" for &lt;br&gt;).</param>
/// <param name="Title">Headline: og:title, else the first h1, else &lt;title&gt;.</param>
/// <param name="Published">Publication date from meta tags or &lt;time datetime&gt;.</param>
/// <param name="Url">Canonical URL (link rel=canonical, else og:url).</param>
/// <param name="Publisher">Site name (og:site_name).</param>
public sealed record HtmlContent(string Text, string? Title, DateOnly? Published, string? Url, string? Publisher);

/// <summary>
/// Extracts the article from an HTML page: drops navigation, headers, footers, asides, scripts, forms,
/// share/social bars, comment and related-article blocks, then keeps the main content container (an element marked
/// as the article body, else the longest &lt;article&gt;, else &lt;main&gt;, else the block holding the most paragraph text).
/// All tree walks are iterative, so deeply nested markup cannot overflow the stack.
/// </summary>
public static partial class HtmlExtractor
{
    private static readonly HashSet<string> s_dropTags = new(StringComparer.Ordinal)
    {
        "SCRIPT", "STYLE", "NOSCRIPT", "NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "IFRAME", "SVG", "BUTTON",
        "TEMPLATE", "SELECT", "TEXTAREA", "INPUT", "OBJECT", "EMBED", "CANVAS", "VIDEO", "AUDIO", "MENU",
    };

    // Class/id tokens of page furniture (structural markup conventions, not language data).
    private static readonly HashSet<string> s_noiseTokens = new(StringComparer.Ordinal)
    {
        "share", "sharing", "social", "comment", "comments", "related", "breadcrumb", "breadcrumbs", "newsletter",
        "subscribe", "sidebar", "advert", "advertisement", "ads", "ad", "banner", "cookie", "cookies", "popup",
        "menu", "navbar", "nav", "footer", "tags", "taglist", "more", "recommended", "outbrain", "taboola", "print",
    };

    private static readonly HashSet<string> s_noiseRoles = new(StringComparer.Ordinal)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "dialog",
    };

    private static readonly HashSet<string> s_blockTags = new(StringComparer.Ordinal)
    {
        "P", "DIV", "SECTION", "ARTICLE", "MAIN", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "DL", "DT", "DD",
        "TABLE", "TR", "TD", "TH", "TBODY", "THEAD", "BLOCKQUOTE", "PRE", "FIGURE", "FIGCAPTION", "ADDRESS", "HR", "BODY",
        "CENTER", "DETAILS", "SUMMARY",
    };

    // Paragraph-level blocks whose text counts toward their parent container when scoring density.
    private static readonly HashSet<string> s_paragraphTags = new(StringComparer.Ordinal)
    {
        "P", "H2", "H3", "H4", "BLOCKQUOTE", "LI", "PRE", "FIGCAPTION",
    };

    // Elements that never hold nested elements of their own or whose end tag the parser implies (p, li, td...): they do not
    // deepen the tree, however many are left open.
    private static readonly HashSet<string> s_flatTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "basefont", "bgsound", "frame", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc",
        "tbody", "thead", "tfoot", "colgroup", "caption", "html", "head", "body",
    };

    // Elements whose content is raw text, not markup.
    private static readonly HashSet<string> s_rawTextTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    };

    private static readonly string[] s_dateMetaKeys =
    [
        "article:published_time", "og:published_time", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
        "dcterms.date", "dcterms.created", "datepublished", "sailthru.date", "parsely-pub-date",
    ];

    /// <summary>Parses a whole page and extracts its metadata and main text. Never throws on any input string.</summary>
    public static HtmlContent Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        var title = Meta(document, "og:title") ?? CleanInline(document.QuerySelector("h1")?.TextContent) ?? CleanInline(document.Title);
        var published = FindDate(document);
        var url = NonEmpty(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Meta(document, "og:url");
        var publisher = Meta(document, "og:site_name");

        var root = (IElement?)document.Body ?? document.DocumentElement;
        if (root is null)
        {
            return new HtmlContent(string.Empty, title, published, url, publisher);
        }

        RemoveNoise(root);
        var container = ChooseContainer(root);
        return new HtmlContent(Render(container), title, published, url, publisher);
    }

    /// <summary>Turns an HTML fragment (an RSS description, an Atom content element) into plain text with paragraph breaks.</summary>
    public static string FragmentToText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return NormalizeLines(html);
        }

        using var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var body = document.Body;
        if (body is null)
        {
            return string.Empty;
        }

        RemoveNoise(body);
        return Render(body);
    }

    private static string? Meta(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (name is not null && string.Equals(name.Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                var content = CleanInline(meta.GetAttribute("content"));
                if (content is not null)
                {
                    return content;
                }
            }
        }

        return null;
    }

    private static DateOnly? FindDate(IDocument document)
    {
        foreach (var key in s_dateMetaKeys)
        {
            if (PublicationDate.TryParse(Meta(document, key), out var d))
            {
                return d;
            }
        }

        foreach (var el in document.QuerySelectorAll("[itemprop=datePublished]"))
        {
            if (PublicationDate.TryParse(el.GetAttribute("datetime") ?? el.GetAttribute("content") ?? el.TextContent, out var d))
            {
                return d;
            }
        }

        foreach (var time in document.QuerySelectorAll("time[datetime]"))
        {
            if (PublicationDate.TryParse(time.GetAttribute("datetime"), out var d))
            {
                return d;
            }
        }

        return null;
    }

    private static void RemoveNoise(IElement root)
    {
        // A wrapper named like furniture ("sidebar-layout") that holds most of the page text is the page itself.
        var rootLength = TextLength(root);
        var doomed = new List<IElement>();
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var el = stack.Pop();
            if (el != root && IsNoise(el) && !(IsNamedNoiseOnly(el) && rootLength > 200 && TextLength(el) * 10 > rootLength * 6))
            {
                doomed.Add(el);
                continue;
            }

            for (var child = el.LastElementChild; child is not null; child = child.PreviousElementSibling)
            {
                stack.Push(child);
            }
        }

        foreach (var el in doomed)
        {
            el.Remove();
        }
    }

    private static bool IsNoise(IElement el)
    {
        var tag = el.TagName.ToUpperInvariant();
        if (s_dropTags.Contains(tag))
        {
            return true;
        }

        if (tag is "ARTICLE" or "MAIN" or "BODY" or "HTML")
        {
            return false;
        }

        if (el.GetAttribute("role") is { } role && s_noiseRoles.Contains(role.Trim().ToLowerInvariant()))
        {
            return true;
        }

        if (el.HasAttribute("hidden") || (el.GetAttribute("aria-hidden") is { } hidden && string.Equals(hidden.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        var names = (el.GetAttribute("class") ?? string.Empty) + " " + (el.GetAttribute("id") ?? string.Empty);
        if (string.IsNullOrWhiteSpace(names))
        {
            return false;
        }

        foreach (var token in names.ToLowerInvariant().Split([' ', '-', '_', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (s_noiseTokens.Contains(token))
            {
                // "article-body" or "post-content" may also carry a "more"/"print" token; only bail out on
                // containers that do not look like the body itself.
                return !names.Contains("body", StringComparison.OrdinalIgnoreCase) && !names.Contains("content", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>True when only the class/id/role (not the tag) marks the element as furniture.</summary>
    private static bool IsNamedNoiseOnly(IElement el) => !s_dropTags.Contains(el.TagName.ToUpperInvariant());

    private static IElement ChooseContainer(IElement root)
    {
        var articleBody = root.QuerySelectorAll("[itemprop=articleBody]").FirstOrDefault(e => TextLength(e) >= 80);
        if (articleBody is not null)
        {
            return articleBody;
        }

        var article = root.QuerySelectorAll("article").OrderByDescending(TextLength).FirstOrDefault();
        var densest = Densest(root);
        if (article is not null && TextLength(article) >= 80)
        {
            // A page of teasers has many small <article>s; prefer the densest block when it holds far more text.
            return densest is not null && !article.Contains(densest) && !densest.Contains(article) && TextLength(densest) > 3 * TextLength(article)
                ? densest
                : article;
        }

        var main = root.QuerySelector("main, [role=main]");
        if (main is not null && TextLength(main) >= 80)
        {
            return main;
        }

        return densest ?? root;
    }

    /// <summary>The element whose paragraphs (or direct text) hold the most text.</summary>
    private static IElement? Densest(IElement root)
    {
        var scores = new Dictionary<IElement, int>();
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                var length = text.Data.AsSpan().Trim().Length;
                if (length == 0)
                {
                    continue;
                }

                // Link text does not count: menus and related-article lists are made of links.
                var block = text.ParentElement;
                var inLink = false;
                while (block is not null && block != root && !s_blockTags.Contains(block.TagName.ToUpperInvariant()))
                {
                    inLink |= block.TagName.Equals("A", StringComparison.OrdinalIgnoreCase);
                    block = block.ParentElement;
                }

                if (block is null || inLink)
                {
                    continue;
                }

                var target = s_paragraphTags.Contains(block.TagName.ToUpperInvariant()) && block.ParentElement is { } parent ? parent : block;
                scores[target] = scores.GetValueOrDefault(target) + length;
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        return scores.Count == 0 ? null : scores.MaxBy(kv => kv.Value).Key;
    }

    private static int TextLength(IElement el)
    {
        var total = 0;
        var stack = new Stack<INode>();
        stack.Push(el);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IText text)
            {
                total += text.Data.AsSpan().Trim().Length;
                continue;
            }

            for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push(child);
            }
        }

        return total;
    }

    private static string Render(IElement root)
    {
        var sb = new StringBuilder();
        // Iterative pre/post-order walk: a (block, Closing: true) entry ends a block element.
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IText text)
            {
                // Source line breaks inside a paragraph are just spaces; only blocks and <br> break lines.
                sb.Append(text.Data.Replace('\n', ' ').Replace('\r', ' '));
                continue;
            }

            if (node is not IElement el)
            {
                continue;
            }

            var tag = el.TagName.ToUpperInvariant();
            if (tag == "BR")
            {
                sb.Append('\n');
                continue;
            }

            var block = s_blockTags.Contains(tag);
            if (closing)
            {
                if (block)
                {
                    sb.Append("\n\n");
                }

                continue;
            }

            if (block)
            {
                sb.Append("\n\n");
                stack.Push((el, true));
            }
            else if (tag is "TD" or "TH")
            {
                sb.Append(' ');
            }

            for (var child = el.LastChild; child is not null; child = child.PreviousSibling)
            {
                stack.Push((child, false));
            }
        }

        return NormalizeLines(sb.ToString());
    }

    /// <summary>Collapses runs of spaces inside lines, trims lines, and keeps at most one blank line between paragraphs.</summary>
    private static string NormalizeLines(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var pendingBreaks = 0;
        foreach (var rawLine in raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = CollapseSpaces(rawLine);
            if (line.Length == 0)
            {
                pendingBreaks++;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(pendingBreaks > 0 ? "\n\n" : "\n");
            }

            sb.Append(line);
            pendingBreaks = 0;
        }

        return sb.ToString();
    }

    private static string CollapseSpaces(string line) => Whitespace.Collapse(line);

    private static string? CleanInline(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var s = CollapseSpaces(value.Replace('\n', ' ').Replace('\r', ' '));
        return s.Length == 0 ? null : s;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
