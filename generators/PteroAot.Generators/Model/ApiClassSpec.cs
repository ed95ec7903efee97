using PteroAot.Generators.Helpers;

namespace PteroAot.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one API class: names as strings, no symbols, syntax nodes or locations,
/// so that an unchanged declaration compares equal across compilations and nothing is re-emitted.
/// </summary>
internal sealed record ApiClassSpec(
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string ClassName,
    string JsonContextType,
    EquatableArray<EndpointSpec> Endpoints)
{
    /// <summary>File name of the generated source, unique per class.</summary>
    public string HintName
    {
        get
        {
            var prefix = Namespace is null ? "" : Namespace + ".";
            foreach (var outer in ContainingTypes)
                prefix += outer.Name + ".";
            return (prefix + ClassName + ".g.cs").Replace('<', '_').Replace('>', '_');
        }
    }
}

/// <summary>A type that encloses the API class (nested classes are emitted inside the same chain).</summary>
/// <param name="Keyword"><c>class</c>, <c>struct</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The name with any type parameter list.</param>
internal sealed record ContainingTypeSpec(string Keyword, string Name);
