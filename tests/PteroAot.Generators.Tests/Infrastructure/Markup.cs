using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PteroAot.Generators.Tests.Infrastructure;

/// <summary>A span that a test expects a diagnostic on: <c>{|PTERO005:Task&lt;Unknown&gt;|}</c> in the test source.</summary>
internal sealed record MarkedSpan(string Id, TextSpan Span, string Text);

/// <summary>Strips <c>{|ID:text|}</c> markers from a test source and remembers where each marked text is.</summary>
internal static class Markup
{
    public static (string Source, IReadOnlyList<MarkedSpan> Spans) Parse(string markup)
    {
        var builder = new StringBuilder();
        var spans = new List<MarkedSpan>();
        int i = 0;
        while (i < markup.Length)
        {
            int open = markup.IndexOf("{|", i, StringComparison.Ordinal);
            if (open < 0)
            {
                builder.Append(markup, i, markup.Length - i);
                break;
            }
            builder.Append(markup, i, open - i);
            int colon = markup.IndexOf(':', open);
            int close = markup.IndexOf("|}", colon, StringComparison.Ordinal);
            if (colon < 0 || close < 0)
                throw new FormatException($"Unclosed marker at {open}.");
            var id = markup.Substring(open + 2, colon - open - 2);
            var text = markup.Substring(colon + 1, close - colon - 1);
            spans.Add(new MarkedSpan(id, new TextSpan(builder.Length, text.Length), text));
            builder.Append(text);
            i = close + 2;
        }
        return (builder.ToString(), spans);
    }
}
