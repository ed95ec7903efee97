namespace PteroAot.Http;

/// <summary>
/// Static description of one declared endpoint, emitted by the generator: used in error messages and by
/// tools that list or call what an API class covers (no reflection needed).
/// </summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Route">Route template as declared, e.g. <c>/api/client/account/api-keys/{identifier}</c>.</param>
/// <param name="Name">The declaring method's name.</param>
public sealed record EndpointInfo(string Method, string Route, string Name)
{
    /// <summary>The request parameters in declaration order (no cancellation token); empty when none were emitted.</summary>
    public IReadOnlyList<EndpointParameter> Parameters { get; init; } = [];

    /// <summary>
    /// True for an <c>IAsyncEnumerable</c> walk: it shares its route with a one-page twin and fetches every page
    /// (adding <c>page=1, 2, …</c> to the query) until the panel's pagination says it is done.
    /// </summary>
    public bool IsWalk { get; init; }
}

/// <summary>Where a parameter goes in the request.</summary>
public enum ParameterLocation
{
    /// <summary>A route placeholder: one escaped path segment.</summary>
    Path,

    /// <summary>A query string entry (left out when not given).</summary>
    Query,

    /// <summary>A request header (left out when not given).</summary>
    Header,

    /// <summary>The request body.</summary>
    Body,
}

/// <summary>The simple kind of a parameter's value, enough to validate and format command-line text.</summary>
public enum ParameterValueKind
{
    /// <summary>Text, sent as is (escaped).</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number with a fraction.</summary>
    Number,

    /// <summary>A boolean, sent as <c>1</c>/<c>0</c>.</summary>
    Boolean,

    /// <summary>A date and time, sent in ISO 8601 round-trip form.</summary>
    DateTime,

    /// <summary>An identifier type (server identifier, UUID, key identifier…), sent as its text.</summary>
    Id,

    /// <summary>A JSON body (the SDK serializes a request type; a tool sends JSON text).</summary>
    Json,

    /// <summary>A text body with <see cref="EndpointParameter.ContentType"/>.</summary>
    Text,

    /// <summary>
    /// A repeated query value (<c>location_ids[]=1&amp;location_ids[]=2</c>): each element is one <c>name=value</c> pair,
    /// in order; <see cref="EndpointParameter.ItemKind"/> is the kind of one element.
    /// </summary>
    List,
}

/// <summary>One request parameter of an <see cref="EndpointInfo"/>.</summary>
/// <param name="Name">The C# parameter name, e.g. <c>perPage</c>.</param>
/// <param name="WireName">The placeholder, query or header name, e.g. <c>per_page</c>; <c>body</c> for a body.</param>
/// <param name="In">Where the value goes.</param>
/// <param name="Kind">The value's simple kind.</param>
/// <param name="Required">Whether the method has no default for it and it is not nullable (path parameters always are).</param>
/// <param name="ContentType">The body's content type (<c>application/json</c> for a JSON body); null for other locations.</param>
/// <param name="ItemKind">The kind of one element when <paramref name="Kind"/> is <see cref="ParameterValueKind.List"/>; null otherwise.</param>
public sealed record EndpointParameter(string Name, string WireName, ParameterLocation In, ParameterValueKind Kind, bool Required,
    string? ContentType = null, ParameterValueKind? ItemKind = null);
