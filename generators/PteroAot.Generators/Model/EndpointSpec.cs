using PteroAot.Generators.Helpers;

namespace PteroAot.Generators.Model;

/// <summary>One partial method to implement: its signature as declared, and how to build and read the HTTP call.</summary>
/// <param name="IsValid">False when the declaration has an error already reported: the emitter then writes a body that throws.</param>
internal sealed record EndpointSpec(
    string MethodName,
    string Modifiers,
    string HttpMethod,
    string Route,
    EquatableArray<RoutePartSpec> RouteParts,
    EquatableArray<ParameterSpec> Parameters,
    ResponseSpec Response,
    bool IsValid);

/// <summary>A literal piece of the route, or a placeholder bound to the named parameter.</summary>
internal sealed record RoutePartSpec(bool IsParameter, string Text);

/// <summary>Where a parameter goes in the request.</summary>
internal enum ParameterKind
{
    Path,
    Query,
    Header,
    JsonBody,
    TextBody,
    CancellationToken,
}

/// <summary>How a route, query or header value is turned into text without reflection.</summary>
internal enum ValueFormat
{
    None,
    String,
    Boolean,
    Formattable,
    DateTime,
}

/// <summary>One declared parameter.</summary>
/// <param name="Name">The C# parameter name (escaped with @ when it is a keyword).</param>
/// <param name="Type">Fully-qualified type as declared, with nullable annotations.</param>
/// <param name="WireName">Placeholder, query or header name; content type for a text body.</param>
/// <param name="IsNullable">Whether the value may be null (left out of query and headers).</param>
/// <param name="IsValueType">Whether the type is a value type.</param>
/// <param name="JsonType">Fully-qualified body type without nullable annotation, for the JSON type info lookup.</param>
/// <param name="IsRequired">Whether a caller must give it: no default value and not nullable (path values always).</param>
/// <param name="ValueKind">The <c>PteroAot.Http.ParameterValueKind</c> member describing the value (of one element for a list), for the endpoint table.</param>
/// <param name="IsList">A repeated query value: <see cref="Format"/> and <see cref="ValueKind"/> describe one element.</param>
internal sealed record ParameterSpec(
    string Name,
    string Type,
    ParameterKind Kind,
    string WireName,
    ValueFormat Format,
    bool IsNullable,
    bool IsValueType,
    string? JsonType,
    bool IsRequired = false,
    string ValueKind = "String",
    bool IsList = false);
