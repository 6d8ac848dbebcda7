using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Rasid.Text;

namespace Rasid.Ingestion;

/// <summary>The nesting-depth check that bounds the work on a page before it is parsed.</summary>
public static partial class HtmlExtractor
{
    /// <summary>
    /// True when the element nesting of <paramref name="html"/> goes deeper than <paramref name="maxDepth"/>, estimated in one
    /// linear scan of its tags (before any parsing: an HTML parser spends time proportional to the depth on each tag).
    /// Void elements, elements whose end tag is implied (p, li, td...), comments and raw text (script, style) do not count;
    /// "/&gt;" closes an element only inside svg or math, as in a browser. <paramref name="offset"/> is where the limit was
    /// passed (-1 when it was not).
    /// </summary>
    public static bool ExceedsDepth(string html, int maxDepth, out int offset)
    {
        ArgumentNullException.ThrowIfNull(html);
        var depth = 0;
        var foreignLevel = -1;
        var i = 0;
        offset = -1;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var next = html[i + 1];
            if (next == '!' || next == '?')
            {
                var close = html.AsSpan(i).StartsWith("<!--") ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i + 2);
                if (close < 0)
                {
                    break;
                }

                i = close + 1;
                continue;
            }

            var isEnd = next == '/';
            var nameStart = i + (isEnd ? 2 : 1);
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }

            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0)
            {
                break;
            }

            var name = html[nameStart..nameEnd];
            if (isEnd)
            {
                if (!s_flatTags.Contains(name) && !s_rawTextTags.Contains(name) && depth > 0)
                {
                    depth--;
                    if (depth <= foreignLevel)
                    {
                        foreignLevel = -1;
                    }
                }

                i = tagEnd + 1;
                continue;
            }

            if (s_rawTextTags.Contains(name))
            {
                var rawEnd = html.IndexOf("</" + name, tagEnd + 1, StringComparison.OrdinalIgnoreCase);
                i = rawEnd < 0 ? html.Length : rawEnd;
                continue;
            }

            var selfClosed = foreignLevel >= 0 && html[tagEnd - 1] == '/';
            if (!selfClosed && !s_flatTags.Contains(name))
            {
                if (foreignLevel < 0 && (name.Equals("svg", StringComparison.OrdinalIgnoreCase) || name.Equals("math", StringComparison.OrdinalIgnoreCase)))
                {
                    foreignLevel = depth;
                }

                if (++depth > maxDepth)
                {
                    offset = i;
                    return true;
                }
            }

            i = tagEnd + 1;
        }

        return false;
    }
}
