using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PteroAot.Generators.Diagnostics;
using PteroAot.Generators.Helpers;
using PteroAot.Generators.Model;

namespace PteroAot.Generators;

/// <summary>
/// Implements the partial endpoint methods of classes marked <c>[PteroApi(typeof(SomeJsonContext))]</c>.
/// Pipeline: <see cref="Parser"/> turns each class into an <see cref="ApiClassSpec"/> plus diagnostics (plain data);
/// <see cref="Emitter"/> turns a spec into source. Diagnostics travel in their own branch so that the emitter only
/// re-runs when the spec itself changes.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class EndpointGenerator : IIncrementalGenerator
{
    internal const string PteroApiAttribute = "PteroAot.Endpoints.PteroApiAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                PteroApiAttribute,
                predicate: static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                transform: static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.ParseResult);

        var specs = parsed
            .Where(static r => r.Spec is not null)
            .Select(static (r, _) => r.Spec!)
            .WithTrackingName(TrackingNames.ApiClassSpec);
        context.RegisterSourceOutput(specs, static (spc, spec) => spc.AddSource(spec.HintName, Emitter.Emit(spec)));

        var diagnostics = parsed
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, list) =>
        {
            foreach (var info in list)
                spc.ReportDiagnostic(info.ToDiagnostic());
        });

        // The same verb and route declared by two classes: only visible once every class is parsed.
        var routeKeys = parsed
            .Select(static (r, _) => r.RouteKeys)
            .WithTrackingName(TrackingNames.RouteKeys)
            .Collect();
        context.RegisterSourceOutput(routeKeys, static (spc, all) =>
        {
            var seen = new Dictionary<(string Key, string Shape), RouteKey>();
            foreach (var key in all.SelectMany(static k => k).OrderBy(static k => k.Owner, System.StringComparer.Ordinal))
            {
                if (seen.TryGetValue((key.Key, key.Shape), out var first))
                {
                    if (first.ClassName != key.ClassName)
                    {
                        var info = new DiagnosticInfo(DiagnosticDescriptors.DuplicateEndpoint.Id, key.Location,
                            new[] { key.Owner, key.HttpMethod, key.Route, first.Owner }.ToEquatableArray());
                        spc.ReportDiagnostic(info.ToDiagnostic());
                    }
                }
                else
                    seen[(key.Key, key.Shape)] = key;
            }
        });
    }

    /// <summary>The result of parsing one class: the spec to emit (null when the class cannot be emitted) and what to report.</summary>
    internal sealed record ParseResult(ApiClassSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<RouteKey> RouteKeys);

    /// <summary>A declared verb and route, for the cross-class duplicate check. <paramref name="Key"/> tells a one-page
    /// list from its all-pages walk, which may share a route.</summary>
    internal sealed record RouteKey(string ClassName, string Owner, string Key, string HttpMethod, string Route, string Shape, LocationInfo? Location);
}
