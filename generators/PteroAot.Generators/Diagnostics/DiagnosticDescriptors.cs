using Microsoft.CodeAnalysis;

namespace PteroAot.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Each is an error: a declaration it cannot implement without reflection
/// or without guessing must not compile. Messages say how to fix the declaration.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PteroAot.Generator";

    public static readonly DiagnosticDescriptor TypeNotPartial = new(
        "PTERO001", "API class must be partial",
        "Type '{0}' must be declared 'partial' so that the generator can implement its endpoints; add the 'partial' modifier",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MethodNotPartial = new(
        "PTERO002", "Endpoint method must be a partial instance method",
        "Endpoint method '{0}' must be a non-static partial method without a body; declare it as 'public partial Task<...> {0}(...);'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PlaceholderWithoutParameter = new(
        "PTERO003", "Route placeholder has no parameter",
        "Route placeholder '{{{0}}}' of '{1}' has no parameter; add a parameter named '{0}' or mark one with [Path(\"{0}\")]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ParameterMatchesNothing = new(
        "PTERO004", "Parameter matches nothing",
        "Parameter '{0}' of '{1}' matches no route placeholder; add '{{{0}}}' to the route, or mark it [Query(\"name\")], [Header(\"name\")] or [Body]",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TypeNotRegistered = new(
        "PTERO005", "Type is not registered on the JSON context",
        "Type '{0}' used by '{1}' is not registered on '{2}'; add [JsonSerializable(typeof({0}))] to '{2}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateEndpoint = new(
        "PTERO006", "Duplicate endpoint",
        "'{0}' declares {1} {2}, which '{3}' already declares; remove one of them",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingCancellationToken = new(
        "PTERO007", "Endpoint method needs a CancellationToken",
        "Endpoint method '{0}' must take a CancellationToken; add 'CancellationToken cancellationToken = default' as its last parameter",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        "PTERO008", "Unsupported return type",
        "Endpoint method '{0}' returns '{1}', which the generator cannot produce; return Task, Task<string>, Task<T>, Task<ResourceList<T>>, Task<ResourceList<T, TMeta>>, Task<Resource<T, TMeta>> or IAsyncEnumerable<T> (GET only)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnformattableParameter = new(
        "PTERO009", "Parameter type cannot be formatted without reflection",
        "Parameter '{0}' of '{1}' has type '{2}', which cannot be written into a URL or header without reflection; use string, a number, bool, Guid, DateTimeOffset or a type implementing IFormattable (enums: pass their wire string)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidJsonContext = new(
        "PTERO010", "JSON context is not a JsonSerializerContext",
        "'{0}' given to [PteroApi] is not a JsonSerializerContext; pass a hand-declared 'partial class MyJsonContext : JsonSerializerContext' with [JsonSerializable] roots",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidBody = new(
        "PTERO011", "Invalid request body",
        "Endpoint method '{0}' {1}; an endpoint has at most one [Body] parameter, and GET sends none",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidRoute = new(
        "PTERO012", "Invalid route template",
        "Route '{0}' of '{1}' is not a valid template; it must start with '/' and use balanced, non-empty '{{name}}' placeholders",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedQueryElement = new(
        "PTERO013", "Query collection element type is not supported",
        "Query parameter '{0}' of '{1}' is a collection of '{2}', which cannot be written as repeated 'name=value' pairs; use IEnumerable<T>, IReadOnlyList<T> or T[] where T is string, bool, a number, Guid or an id type such as LocationId (not nullable, not an enum, not a date)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ResponseTypeSerializationOnly = new(
        "PTERO014", "Response type is generated for serialization only",
        "Type '{0}' returned by '{1}' is registered on '{2}' with GenerationMode = Serialization, which cannot read it; register it with Metadata or Default (Serialization suits request bodies only)",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
