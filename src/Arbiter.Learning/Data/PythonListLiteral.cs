using System.Globalization;
using System.Text;

namespace Arbiter.Learning.Data;

/// <summary>
/// Reads the strings of a Python list literal such as <c>['a\nb', "c"]</c> (RouterBench's <c>prompt</c> column).
/// Text that is not a list literal comes back as one element, unchanged.
/// </summary>
public static class PythonListLiteral
{
    public static IReadOnlyList<string> Parse(string text)
    {
        var s = text.AsSpan().Trim();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']') return [text];
        var items = new List<string>();
        var i = 1;
        while (i < s.Length - 1)
        {
            var c = s[i];
            if (c is '\'' or '"')
            {
                if (!TryReadString(s, ref i, out var item)) return [text];
                items.Add(item);
            }
            else if (c is ',' or ' ' or '\n' or '\r' or '\t') i++;
            else return [text];
        }
        return items;
    }

    private static bool TryReadString(ReadOnlySpan<char> s, ref int i, out string value)
    {
        var quote = s[i++];
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i++];
            if (c == quote) { value = sb.ToString(); return true; }
            if (c != '\\' || i >= s.Length) { sb.Append(c); continue; }
            var e = s[i++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x' when i + 2 <= s.Length: sb.Append((char)int.Parse(s.Slice(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 2; break;
                case 'u' when i + 4 <= s.Length: sb.Append((char)int.Parse(s.Slice(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 4; break;
                case '\\' or '\'' or '"': sb.Append(e); break;
                default: sb.Append('\\').Append(e); break;
            }
        }
        value = "";
        return false;
    }
}
