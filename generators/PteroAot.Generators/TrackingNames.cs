namespace PteroAot.Generators;

/// <summary>Names of pipeline steps, so that tests can check what was cached.</summary>
internal static class TrackingNames
{
    public const string ParseResult = nameof(ParseResult);
    public const string ApiClassSpec = nameof(ApiClassSpec);
    public const string Diagnostics = nameof(Diagnostics);
    public const string RouteKeys = nameof(RouteKeys);
}
