namespace PteroAot.Http;

/// <summary>
/// Static description of one declared endpoint, emitted by the generator: used in error messages and by
/// tools that list what an API class covers (no reflection needed).
/// </summary>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Route">Route template as declared, e.g. <c>/api/client/account/api-keys/{identifier}</c>.</param>
/// <param name="Name">The declaring method's name.</param>
public sealed record EndpointInfo(string Method, string Route, string Name);
