using System.Text;

namespace PteroAot.Cli.Terminal;

/// <summary>A plain aligned table: header row, two spaces between columns, truncated to the terminal width.</summary>
internal sealed class Table(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public void Add(params string?[] cells)
    {
        var row = new string[headers.Length];
        for (int i = 0; i < row.Length; i++)
            row[i] = i < cells.Length ? Term.Clean(cells[i]) : "";
        _rows.Add(row);
    }

    public void Write(TextWriter output, int? maxWidth, bool color)
    {
        var widths = new int[headers.Length];
        for (int i = 0; i < headers.Length; i++)
            widths[i] = Math.Max(headers[i].Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length));

        if (maxWidth is { } max)
        {
            const int gap = 2;
            int total() => widths.Sum() + gap * (widths.Length - 1);
            // Shrink the widest column until the table fits, never below its header or 8 characters.
            while (total() > max)
            {
                int widest = Array.IndexOf(widths, widths.Max());
                int floor = Math.Max(8, headers[widest].Length);
                if (widths[widest] <= floor)
                    break;
                widths[widest] = Math.Max(floor, widths[widest] - (total() - max));
            }
        }

        WriteRow(output, headers, widths, color);
        foreach (var row in _rows)
            WriteRow(output, row, widths, false);
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths, bool bold)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < cells.Length; i++)
        {
            var cell = Fit(cells[i], widths[i]);
            bool last = i == cells.Length - 1;
            sb.Append(last ? cell : cell.PadRight(widths[i]));
            if (!last)
                sb.Append("  ");
        }
        var line = sb.ToString().TrimEnd();
        output.WriteLine(Term.Bold(line, bold));
    }

    private static string Fit(string text, int width)
        => text.Length <= width ? text : width <= 1 ? "…" : string.Concat(text.AsSpan(0, width - 1), "…");
}

/// <summary>Key/value lines for one object (<c>Email:  demo@example.com</c>).</summary>
internal sealed class Details
{
    private readonly List<(string Key, string Value)> _items = [];

    public Details Add(string key, string? value)
    {
        _items.Add((key, Term.Clean(value)));
        return this;
    }

    public void Write(TextWriter output, bool color)
    {
        int width = _items.Count == 0 ? 0 : _items.Max(i => i.Key.Length) + 1;
        foreach (var (key, value) in _items)
            output.WriteLine($"{Term.Bold((key + ":").PadRight(width), color)}  {value}");
    }
}
