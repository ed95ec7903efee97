using System.Globalization;

namespace PteroAot.Http;

/// <summary>Formats route values and query strings the way generated endpoints need: escaped, invariant culture.</summary>
public static class PteroUrl
{
    /// <summary>Escapes a route value as one path segment.</summary>
    public static string Segment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
            throw new ArgumentException("A route value cannot be empty.", nameof(value));
        return Uri.EscapeDataString(value);
    }

    /// <summary>Formats and escapes a number or other formattable value as one path segment.</summary>
    public static string Segment<T>(T value) where T : IFormattable
        => Uri.EscapeDataString(value.ToString(null, CultureInfo.InvariantCulture));
}

/// <summary>Builds a query string; entries with a <see langword="null"/> value are left out.</summary>
public sealed class QueryString
{
    // A string, not a StringBuilder: endpoints add one to three entries, and each Concat is one exact-size allocation
    // (a builder cost three objects plus a chunk per growth).
    private string _text = "";

    /// <summary>Adds <c>name=value</c> when <paramref name="value"/> is not <see langword="null"/>.</summary>
    public QueryString Add(string name, string? value)
    {
        if (value is null)
            return this;
        _text = string.Concat(_text, _text.Length == 0 ? "?" : "&", Uri.EscapeDataString(name), "=", Uri.EscapeDataString(value));
        return this;
    }

    /// <summary>Adds a boolean as <c>1</c>/<c>0</c>, the form Laravel's boolean rule accepts everywhere.</summary>
    public QueryString Add(string name, bool? value) => value is { } v ? Add(name, v ? "1" : "0") : this;

    /// <summary>Adds a formattable value (numbers, <see cref="Guid"/>, identifiers) in invariant culture.</summary>
    public QueryString Add<T>(string name, T? value) where T : struct, IFormattable
        => value is { } v ? Add(name, v.ToString(null, CultureInfo.InvariantCulture)) : this;

    /// <summary>Adds a formattable value that is always given (a required number or identifier) in invariant culture.</summary>
    public QueryString Add<T>(string name, T value) where T : struct, IFormattable
        => Add(name, value.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Adds a formattable reference value in invariant culture.</summary>
    public QueryString AddFormattable<T>(string name, T? value) where T : class, IFormattable
        => value is not null ? Add(name, value.ToString(null, CultureInfo.InvariantCulture)) : this;

    /// <summary>
    /// Adds <c>name=value</c> once per element, in order (<c>location_ids[]=1&amp;location_ids[]=2</c>); a
    /// <see langword="null"/> or empty collection adds nothing, and so does a <see langword="null"/> element.
    /// </summary>
    public QueryString AddEach(string name, IEnumerable<string?>? values)
    {
        if (values is null)
            return this;
        foreach (var value in values)
            Add(name, value);
        return this;
    }

    /// <summary>Adds each boolean as its own <c>name=1</c>/<c>name=0</c> pair, in order.</summary>
    public QueryString AddEach(string name, IEnumerable<bool>? values)
    {
        if (values is null)
            return this;
        foreach (var value in values)
            Add(name, value ? "1" : "0");
        return this;
    }

    /// <summary>Adds each formattable element (numbers, identifiers) as its own <c>name=value</c> pair in invariant culture, in order.</summary>
    public QueryString AddEach<T>(string name, IEnumerable<T>? values) where T : IFormattable
    {
        if (values is null)
            return this;
        foreach (var value in values)
        {
            if (value is not null)
                Add(name, value.ToString(null, CultureInfo.InvariantCulture));
        }
        return this;
    }

    /// <summary>Appends the query string (with its <c>?</c>) to a path.</summary>
    public string AppendTo(string path) => _text.Length == 0 ? path : path + _text;
}

/// <summary>
/// Builds a request's whole URL (panel URL, escaped path, query) in one pooled buffer, so a call allocates the final
/// string only: generated endpoints start one with <see cref="PteroConnection.StartUrl"/> and hand it to
/// <see cref="PteroConnection.CreateRequest(HttpMethod, ref PteroRequestUrl)"/>. Query entries with a
/// <see langword="null"/> value are left out, as with <see cref="QueryString"/>.
/// </summary>
public ref struct PteroRequestUrl
{
    private char[] _chars;
    private int _length;
    private bool _hasQuery;

    internal PteroRequestUrl(string baseUrl)
    {
        _chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(256, baseUrl.Length * 2));
        _length = 0;
        _hasQuery = false;
        Append(baseUrl);
    }

    /// <summary>Appends text that is already escaped (a route's literal part).</summary>
    public void Append(string text) => Append(text.AsSpan());

    /// <summary>Escapes a route value as one path segment.</summary>
    public void AppendSegment(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
            throw new ArgumentException("A route value cannot be empty.", nameof(value));
        AppendEscaped(value);
    }

    /// <summary>Adds <c>name=value</c> when <paramref name="value"/> is not <see langword="null"/>.</summary>
    public void Query(string name, string? value)
    {
        if (value is null)
            return;
        Append(_hasQuery ? "&" : "?");
        _hasQuery = true;
        AppendEscaped(name);
        Append("=");
        AppendEscaped(value);
    }

    /// <summary>Adds a boolean as <c>1</c>/<c>0</c>, the form Laravel's boolean rule accepts everywhere.</summary>
    public void Query(string name, bool? value)
    {
        if (value is { } v)
            Query(name, v ? "1" : "0");
    }

    /// <summary>Adds a formattable value (numbers, <see cref="Guid"/>, identifiers) in invariant culture.</summary>
    public void Query<T>(string name, T? value) where T : struct, IFormattable
    {
        if (value is { } v)
            Query(name, v.ToString(null, CultureInfo.InvariantCulture));
    }

    /// <summary>Adds a formattable value that is always given (a required number or identifier) in invariant culture.</summary>
    public void Query<T>(string name, T value) where T : struct, IFormattable
        => Query(name, value.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Adds a formattable reference value in invariant culture.</summary>
    public void QueryFormattable<T>(string name, T? value) where T : class, IFormattable
    {
        if (value is not null)
            Query(name, value.ToString(null, CultureInfo.InvariantCulture));
    }

    /// <summary>Adds <c>name=value</c> once per element, in order; <see langword="null"/> collections and elements add nothing.</summary>
    public void QueryEach(string name, IEnumerable<string?>? values)
    {
        if (values is null)
            return;
        foreach (var value in values)
            Query(name, value);
    }

    /// <summary>Adds each boolean as its own <c>name=1</c>/<c>name=0</c> pair, in order.</summary>
    public void QueryEach(string name, IEnumerable<bool>? values)
    {
        if (values is null)
            return;
        foreach (var value in values)
            Query(name, value ? "1" : "0");
    }

    /// <summary>Adds each formattable element as its own <c>name=value</c> pair in invariant culture, in order.</summary>
    public void QueryEach<T>(string name, IEnumerable<T>? values) where T : IFormattable
    {
        if (values is null)
            return;
        foreach (var value in values)
        {
            if (value is not null)
                Query(name, value.ToString(null, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The URL built so far, as text (for tests and diagnostics; the buffer stays in use).</summary>
    public readonly override string ToString() => new(_chars, 0, _length);

    /// <summary>Returns the URL and gives the buffer back to the pool; the builder is empty afterwards.</summary>
    public string ToStringAndClear()
    {
        var text = new string(_chars, 0, _length);
        var chars = _chars;
        this = default;
        if (chars is not null)
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        return text;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_chars is null || _length + text.Length > _chars.Length)
            Grow(text.Length);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    private void AppendEscaped(string value)
    {
        if (_chars is null)
            Grow(value.Length);
        int written;
        while (!Uri.TryEscapeDataString(value, _chars.AsSpan(_length), out written))
            Grow(Math.Max(value.Length * 3, 16));
        _length += written;
    }

    private void Grow(int needed)
    {
        var bigger = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(256, Math.Max((_chars?.Length ?? 0) * 2, _length + needed)));
        if (_chars is not null)
        {
            _chars.AsSpan(0, _length).CopyTo(bigger);
            System.Buffers.ArrayPool<char>.Shared.Return(_chars);
        }
        _chars = bigger;
    }
}
