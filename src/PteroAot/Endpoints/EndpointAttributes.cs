namespace PteroAot.Endpoints;

/// <summary>
/// Marks a partial class whose partial methods declare panel endpoints. The PteroAot generator implements
/// every method carrying a verb attribute (<see cref="GetAttribute"/>, <see cref="PostAttribute"/>, ...)
/// and adds a constructor that takes a <see cref="Http.PteroConnection"/>.
/// </summary>
/// <remarks>
/// Every body and response type must be registered as a root on <paramref name="jsonContext"/>
/// (<c>[JsonSerializable(typeof(T))]</c>); the build fails (PTERO005) when one is missing, because nothing is
/// ever serialized by reflection.
/// </remarks>
/// <param name="jsonContext">A hand-declared, source-generated <c>JsonSerializerContext</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PteroApiAttribute(Type jsonContext) : Attribute
{
    /// <summary>The source-generated JSON context used for every body and response of this class.</summary>
    public Type JsonContext { get; } = jsonContext;
}

/// <summary>Base of the HTTP verb attributes; the route is relative to the panel URL.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class EndpointAttribute(string method, string route) : Attribute
{
    /// <summary>The HTTP method.</summary>
    public string Method { get; } = method;

    /// <summary>The route template, e.g. <c>/api/client/servers/{server}</c>. Placeholders bind to parameters by name.</summary>
    public string Route { get; } = route;
}

/// <summary>Declares a <c>GET</c> endpoint.</summary>
/// <param name="route">The route template.</param>
public sealed class GetAttribute(string route) : EndpointAttribute("GET", route);

/// <summary>Declares a <c>POST</c> endpoint.</summary>
/// <param name="route">The route template.</param>
public sealed class PostAttribute(string route) : EndpointAttribute("POST", route);

/// <summary>Declares a <c>PUT</c> endpoint.</summary>
/// <param name="route">The route template.</param>
public sealed class PutAttribute(string route) : EndpointAttribute("PUT", route);

/// <summary>Declares a <c>PATCH</c> endpoint.</summary>
/// <param name="route">The route template.</param>
public sealed class PatchAttribute(string route) : EndpointAttribute("PATCH", route);

/// <summary>Declares a <c>DELETE</c> endpoint.</summary>
/// <param name="route">The route template.</param>
public sealed class DeleteAttribute(string route) : EndpointAttribute("DELETE", route);

/// <summary>Binds a parameter to a query-string entry. <see langword="null"/> values are left out.</summary>
/// <param name="name">The query name as the panel spells it, e.g. <c>filter[event]</c> or <c>per_page</c>.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class QueryAttribute(string name) : Attribute
{
    /// <summary>The query name.</summary>
    public string Name { get; } = name;
}

/// <summary>Binds a parameter to a route placeholder whose name differs from the parameter's.</summary>
/// <param name="name">The placeholder name without braces.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class PathAttribute(string name) : Attribute
{
    /// <summary>The placeholder name.</summary>
    public string Name { get; } = name;
}

/// <summary>Binds a parameter to a request header.</summary>
/// <param name="name">The header name.</param>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class HeaderAttribute(string name) : Attribute
{
    /// <summary>The header name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// Sends the parameter as the request body: JSON through the class's JSON context, or, for a
/// <see cref="string"/> with <see cref="ContentType"/> set, the raw text (the panel's <c>files/write</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class BodyAttribute : Attribute
{
    /// <summary>A non-JSON content type for a raw <see cref="string"/> body, e.g. <c>text/plain</c>.</summary>
    public string? ContentType { get; init; }
}

/// <summary>How a response body is wrapped; see <see cref="EnvelopeAttribute"/>.</summary>
public enum Envelope
{
    /// <summary>The panel's item envelope <c>{"object": ..., "attributes": {...}}</c> (the default).</summary>
    Attributes,

    /// <summary>A <c>{"data": {...}}</c> wrapper (two-factor setup, websocket credentials).</summary>
    Data,

    /// <summary>The body is the value itself (node configuration).</summary>
    None,
}

/// <summary>Overrides how the response of an endpoint is unwrapped. Without it, single objects use
/// <see cref="Envelope.Attributes"/>.</summary>
/// <param name="envelope">The wrapper around the value.</param>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class EnvelopeAttribute(Envelope envelope) : Attribute
{
    /// <summary>The wrapper around the value.</summary>
    public Envelope Envelope { get; } = envelope;
}
