using System.Collections.Generic;
using System.Text;

namespace PteroAot.Generators.Helpers;

/// <summary>A route template split into literal text and <c>{placeholder}</c> parts.</summary>
internal static class RouteTemplate
{
    /// <summary>Splits a template; returns <see langword="false"/> for unbalanced or empty braces.</summary>
    public static bool TryParse(string template, out List<(bool IsPlaceholder, string Text)> parts)
    {
        parts = new List<(bool, string)>();
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0)
            {
                if (template.IndexOf('}', i) >= 0) return false;
                parts.Add((false, template.Substring(i)));
                break;
            }
            if (template.IndexOf('}', i, open - i) >= 0) return false;
            int close = template.IndexOf('}', open + 1);
            if (close < 0 || close == open + 1) return false;
            if (open > i) parts.Add((false, template.Substring(i, open - i)));
            var name = template.Substring(open + 1, close - open - 1);
            if (name.IndexOf('{') >= 0) return false;
            parts.Add((true, name));
            i = close + 1;
        }
        return true;
    }

    /// <summary>The template with every placeholder name erased, so that <c>/a/{x}</c> and <c>/a/{y}</c> compare equal.</summary>
    public static string Shape(string template)
    {
        if (!TryParse(template, out var parts)) return template;
        var builder = new StringBuilder();
        foreach (var (isPlaceholder, text) in parts)
            builder.Append(isPlaceholder ? "{}" : text);
        var shape = builder.ToString();
        return shape.Length > 1 ? shape.TrimEnd('/') : shape;
    }
}
