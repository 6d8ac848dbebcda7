using System.Text;

namespace Rasid.Text;

/// <summary>White-space folding shared by lexicon keys, boilerplate matching and HTML text extraction.</summary>
public static class Whitespace
{
    /// <summary>
    /// Collapses every run of white space to one space and trims both ends; <paramref name="map"/>, when given,
    /// transforms each kept character (e.g. lower-casing).
    /// </summary>
    public static string Collapse(string text, Func<char, char>? map = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(map is null ? c : map(c));
        }

        return sb.ToString();
    }
}
