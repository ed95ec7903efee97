using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PteroAot.Generators.Helpers;

namespace PteroAot.Generators.Diagnostics;

/// <summary>A source position as plain data (a <see cref="Location"/> would hold the syntax tree alive in the cache).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
        => location?.SourceTree is null ? null : new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
}

/// <summary>A diagnostic to report, as equatable data.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        => new(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic()
    {
        var descriptor = Descriptors.First(d => d.Id == Id);
        return Diagnostic.Create(descriptor, Location?.ToLocation(), Arguments.Cast<object>().ToArray());
    }

    private static readonly DiagnosticDescriptor[] Descriptors =
    [
        DiagnosticDescriptors.TypeNotPartial, DiagnosticDescriptors.MethodNotPartial, DiagnosticDescriptors.PlaceholderWithoutParameter,
        DiagnosticDescriptors.ParameterMatchesNothing, DiagnosticDescriptors.TypeNotRegistered, DiagnosticDescriptors.DuplicateEndpoint,
        DiagnosticDescriptors.MissingCancellationToken, DiagnosticDescriptors.UnsupportedReturnType, DiagnosticDescriptors.UnformattableParameter,
        DiagnosticDescriptors.InvalidJsonContext, DiagnosticDescriptors.InvalidBody, DiagnosticDescriptors.InvalidRoute,
        DiagnosticDescriptors.UnsupportedQueryElement, DiagnosticDescriptors.ResponseTypeSerializationOnly,
    ];
}
