using System;
using System.Text;

namespace PteroAot.Generators.Helpers;

/// <summary>An indented text writer for emitted C#: one place decides indentation and line endings.</summary>
internal sealed class SourceWriter
{
    private const string Indent = "    ";
    private readonly StringBuilder _builder = new();
    private int _depth;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (int i = 0; i < _depth; i++)
                _builder.Append(Indent);
            _builder.Append(text);
        }
        _builder.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace; dispose the result to close it.</summary>
    public Block Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return new Block(this);
    }

    public void Close(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();

    public readonly struct Block(SourceWriter writer) : IDisposable
    {
        public void Dispose() => writer.Close();
    }
}
