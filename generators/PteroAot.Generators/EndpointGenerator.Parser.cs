using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PteroAot.Generators.Diagnostics;
using PteroAot.Generators.Helpers;
using PteroAot.Generators.Model;

namespace PteroAot.Generators;

public sealed partial class EndpointGenerator
{
    /// <summary>Reads symbols into <see cref="ApiClassSpec"/>; the only place that touches the semantic model.</summary>
    internal static class Parser
    {
        private const string EndpointsNamespace = "PteroAot.Endpoints";

        // Fully qualified, with nullable annotations: what the emitter writes back into signatures.
        private static readonly SymbolDisplayFormat s_declared = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        // Fully qualified, without annotations: the identity used to match [JsonSerializable] roots.
        private static readonly SymbolDisplayFormat s_identity = SymbolDisplayFormat.FullyQualifiedFormat;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var diagnostics = new List<DiagnosticInfo>();
            var routeKeys = new List<RouteKey>();
            var className = type.ToDisplayString(s_identity);

            // A non-partial type (or enclosing type) cannot receive generated members at all.
            foreach (var t in SelfAndContainingTypes(type))
            {
                if (!IsPartial(t, cancellationToken))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotPartial, Identifier(t, cancellationToken), t.Name));
                    return new ParseResult(null, diagnostics.ToEquatableArray(), EquatableArray<RouteKey>.Empty);
                }
            }

            var attribute = context.Attributes[0];
            var contextType = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as INamedTypeSymbol : null;
            var registered = new HashSet<string>(System.StringComparer.Ordinal);
            string contextName = contextType?.ToDisplayString(s_identity) ?? "?";
            if (contextType is null || !InheritsFrom(contextType, "System.Text.Json.Serialization.JsonSerializerContext"))
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation();
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJsonContext, location, contextType?.Name ?? "(null)"));
                return new ParseResult(null, diagnostics.ToEquatableArray(), EquatableArray<RouteKey>.Empty);
            }
            // Roots generated for serialization only (JsonSourceGenerationMode.Serialization = 2, on the root or as the
            // context's default) have no metadata to read with: fine for request bodies, a run-time failure for responses.
            var serializationOnly = new HashSet<string>(System.StringComparer.Ordinal);
            int contextMode = 0;
            foreach (var data in contextType.GetAttributes())
            {
                if (data.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute")
                    contextMode = GenerationModeOf(data) ?? contextMode;
            }
            foreach (var data in contextType.GetAttributes())
            {
                if (data.AttributeClass?.ToDisplayString() == "System.Text.Json.Serialization.JsonSerializableAttribute"
                    && data.ConstructorArguments.Length == 1 && data.ConstructorArguments[0].Value is ITypeSymbol root)
                {
                    var name = root.ToDisplayString(s_identity);
                    registered.Add(name);
                    if ((GenerationModeOf(data) ?? contextMode) == 2)
                        serializationOnly.Add(name);
                }
            }

            var endpoints = new List<EndpointSpec>();
            var declaredRoutes = new Dictionary<(string, string), string>();
            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
                    continue;
                var verb = method.GetAttributes().FirstOrDefault(a => IsEndpointAttribute(a.AttributeClass));
                if (verb is null)
                    continue;
                // Partial methods appear once as the definition; skip the implementation part if the user wrote one.
                if (method.PartialDefinitionPart is not null)
                    continue;

                var spec = ParseEndpoint(method, verb, registered, serializationOnly, contextName, diagnostics, cancellationToken);
                if (spec is null)
                    continue;
                // A one-page list and its all-pages walk share a route on purpose.
                var verbKey = spec.Response.Kind == ResponseKind.AllPages ? spec.HttpMethod + " (all pages)" : spec.HttpMethod;
                var key = (verbKey, RouteTemplate.Shape(spec.Route));
                var location = Identifier(method, cancellationToken);
                if (declaredRoutes.TryGetValue(key, out var firstName))
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateEndpoint, location, method.Name, spec.HttpMethod, spec.Route, firstName));
                else
                {
                    declaredRoutes[key] = method.Name;
                    routeKeys.Add(new RouteKey(className, type.ToDisplayString() + "." + method.Name, verbKey, spec.HttpMethod, spec.Route, key.Item2,
                        LocationInfo.From(location)));
                }
                endpoints.Add(spec);
            }

            var containing = SelfAndContainingTypes(type).Skip(1).Reverse()
                .Select(t => new ContainingTypeSpec(Keyword(t), NameWithTypeParameters(t)))
                .ToEquatableArray();
            var classSpec = new ApiClassSpec(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                containing,
                NameWithTypeParameters(type),
                contextName,
                endpoints.ToEquatableArray());
            return new ParseResult(classSpec, diagnostics.ToEquatableArray(), routeKeys.ToEquatableArray());
        }

        private static EndpointSpec? ParseEndpoint(IMethodSymbol method, AttributeData verb, HashSet<string> registered, HashSet<string> serializationOnly, string contextName,
            List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var location = Identifier(method, cancellationToken);
            if (!method.IsPartialDefinition || method.IsStatic || method.IsGenericMethod)
            {
                // Not a partial definition: there is nothing for the generator to implement.
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MethodNotPartial, location, method.Name));
                return null;
            }

            bool valid = true;
            var httpMethod = verb.AttributeClass!.Name switch
            {
                "GetAttribute" => "GET",
                "PostAttribute" => "POST",
                "PutAttribute" => "PUT",
                "PatchAttribute" => "PATCH",
                _ => "DELETE",
            };
            var route = verb.ConstructorArguments.Length == 1 ? verb.ConstructorArguments[0].Value as string ?? "" : "";
            var verbLocation = verb.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
            if (!route.StartsWith("/") || !RouteTemplate.TryParse(route, out var parts))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRoute, verbLocation, route, method.Name));
                var declaredOnly = new ResponseSpec(ResponseKind.None, method.ReturnType.ToDisplayString(s_declared), null, null);
                return new EndpointSpec(method.Name, Modifiers(method), httpMethod, route, EquatableArray<RoutePartSpec>.Empty,
                    DeclaredParameters(method), declaredOnly, IsValid: false);
            }

            var response = ParseResponse(method, httpMethod, registered, serializationOnly, contextName, diagnostics, location, ref valid);
            var placeholders = new HashSet<string>(parts.Where(p => p.IsPlaceholder).Select(p => p.Text), System.StringComparer.Ordinal);
            var bound = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var parameters = new List<ParameterSpec>();
            int bodies = 0, tokens = 0;
            foreach (var parameter in method.Parameters)
            {
                var name = EscapeIdentifier(parameter.Name);
                var declaredType = parameter.Type.ToDisplayString(s_declared);
                var paramLocation = parameter.Locations.FirstOrDefault();
                bool nullable = parameter.NullableAnnotation == NullableAnnotation.Annotated || IsNullableValueType(parameter.Type);
                bool required = !nullable && !parameter.HasExplicitDefaultValue;
                if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
                {
                    tokens++;
                    parameters.Add(new ParameterSpec(name, declaredType, ParameterKind.CancellationToken, "", ValueFormat.None, false, true, null));
                    continue;
                }

                var attributes = parameter.GetAttributes();
                var query = Named(attributes, "QueryAttribute");
                var header = Named(attributes, "HeaderAttribute");
                var body = Named(attributes, "BodyAttribute");
                var path = Named(attributes, "PathAttribute");
                if (body is not null)
                {
                    bodies++;
                    var contentType = body.NamedArguments.FirstOrDefault(a => a.Key == "ContentType").Value.Value as string;
                    if (contentType is not null && parameter.Type.SpecialType == SpecialType.System_String)
                    {
                        parameters.Add(new ParameterSpec(name, declaredType, ParameterKind.TextBody, contentType, ValueFormat.String, nullable, false, null,
                            required, "Text"));
                        continue;
                    }
                    var jsonType = Unannotated(parameter.Type);
                    if (!registered.Contains(jsonType))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotRegistered, paramLocation, Display(parameter.Type), method.Name, ShortName(contextName)));
                        valid = false;
                    }
                    parameters.Add(new ParameterSpec(name, declaredType, ParameterKind.JsonBody, "", ValueFormat.None, nullable, parameter.Type.IsValueType, jsonType,
                        required, "Json"));
                    continue;
                }

                ParameterKind kind;
                string wireName;
                if (query is not null) { kind = ParameterKind.Query; wireName = FirstString(query) ?? parameter.Name; }
                else if (header is not null) { kind = ParameterKind.Header; wireName = FirstString(header) ?? parameter.Name; }
                else if (path is not null) { kind = ParameterKind.Path; wireName = FirstString(path) ?? parameter.Name; }
                else if (placeholders.Contains(parameter.Name)) { kind = ParameterKind.Path; wireName = parameter.Name; }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterMatchesNothing, paramLocation, parameter.Name, method.Name));
                    valid = false;
                    parameters.Add(new ParameterSpec(name, declaredType, ParameterKind.Query, parameter.Name, ValueFormat.None, nullable, parameter.Type.IsValueType, null));
                    continue;
                }

                if (kind == ParameterKind.Path)
                {
                    if (!placeholders.Contains(wireName))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ParameterMatchesNothing, paramLocation, parameter.Name, method.Name));
                        valid = false;
                    }
                    bound[wireName] = name;
                }

                if (kind == ParameterKind.Query && ElementTypeOf(parameter.Type) is { } element)
                {
                    // Repeated query values (location_ids[]=1&location_ids[]=2): one name=value pair per element.
                    var elementFormat = ElementFormatOf(element);
                    if (elementFormat == ValueFormat.None)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedQueryElement, paramLocation, parameter.Name, method.Name, Display(element)));
                        valid = false;
                    }
                    parameters.Add(new ParameterSpec(name, declaredType, kind, wireName, elementFormat, nullable, parameter.Type.IsValueType, null,
                        required, ValueKindOf(element, elementFormat), IsList: true));
                    continue;
                }

                var format = FormatOf(parameter.Type);
                if (format == ValueFormat.None || (kind == ParameterKind.Path && format == ValueFormat.Boolean))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnformattableParameter, paramLocation, parameter.Name, method.Name, Display(parameter.Type)));
                    valid = false;
                }
                parameters.Add(new ParameterSpec(name, declaredType, kind, wireName, format, nullable, parameter.Type.IsValueType, null,
                    required || kind == ParameterKind.Path, ValueKindOf(parameter.Type, format)));
            }

            foreach (var placeholder in placeholders.Where(p => !bound.ContainsKey(p)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PlaceholderWithoutParameter, verbLocation, placeholder, method.Name));
                valid = false;
            }
            if (tokens == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingCancellationToken, location, method.Name));
                valid = false;
            }
            if (bodies > 1 || (bodies == 1 && httpMethod == "GET"))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBody, location, method.Name,
                    bodies > 1 ? "has more than one [Body] parameter" : "is a GET with a [Body] parameter"));
                valid = false;
            }

            var routeParts = parts.Select(p => new RoutePartSpec(p.IsPlaceholder, p.IsPlaceholder && bound.TryGetValue(p.Text, out var n) ? n : p.Text))
                .ToEquatableArray();
            return new EndpointSpec(method.Name, Modifiers(method), httpMethod, route, routeParts, parameters.ToEquatableArray(), response, valid);
        }

        private static ResponseSpec ParseResponse(IMethodSymbol method, string httpMethod, HashSet<string> registered, HashSet<string> serializationOnly, string contextName,
            List<DiagnosticInfo> diagnostics, Location? location, ref bool valid)
        {
            var returnType = method.ReturnType as INamedTypeSymbol;
            var declared = method.ReturnType.ToDisplayString(s_declared);
            var original = returnType?.OriginalDefinition.ToDisplayString();
            ResponseSpec? spec = null;
            var envelope = method.GetAttributes().FirstOrDefault(a => IsEndpointsType(a.AttributeClass, "EnvelopeAttribute"));
            int envelopeValue = envelope?.ConstructorArguments.Length == 1 && envelope.ConstructorArguments[0].Value is int v ? v : 0;

            if (original == "System.Threading.Tasks.Task")
                spec = new ResponseSpec(ResponseKind.None, declared, null, null);
            else if (original == "System.Threading.Tasks.Task<TResult>")
            {
                var result = returnType!.TypeArguments[0];
                var resultOriginal = (result as INamedTypeSymbol)?.OriginalDefinition.ToDisplayString();
                if (result.SpecialType == SpecialType.System_String)
                    spec = new ResponseSpec(ResponseKind.Text, declared, null, null);
                else if (resultOriginal == "PteroAot.ResourceList<T>")
                    spec = new ResponseSpec(ResponseKind.List, declared, Unannotated(((INamedTypeSymbol)result).TypeArguments[0]), null);
                else if (resultOriginal == "PteroAot.ResourceList<T, TMeta>")
                {
                    var args = ((INamedTypeSymbol)result).TypeArguments;
                    spec = new ResponseSpec(ResponseKind.ListWithMeta, declared, Unannotated(args[0]), Unannotated(args[1]));
                }
                else if (resultOriginal == "PteroAot.Resource<T, TMeta>")
                {
                    var args = ((INamedTypeSymbol)result).TypeArguments;
                    spec = new ResponseSpec(ResponseKind.AttributesWithMeta, declared, Unannotated(args[0]), Unannotated(args[1]));
                }
                else if (result.TypeKind is not TypeKind.TypeParameter and not TypeKind.Error)
                {
                    var kind = envelopeValue switch { 1 => ResponseKind.Data, 2 => ResponseKind.Json, _ => ResponseKind.Attributes };
                    spec = new ResponseSpec(kind, declared, Unannotated(result), null);
                }
            }
            else if (original == "System.Collections.Generic.IAsyncEnumerable<T>" && httpMethod == "GET")
                spec = new ResponseSpec(ResponseKind.AllPages, declared, Unannotated(returnType!.TypeArguments[0]), null);

            if (spec is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedReturnType, location, method.Name, method.ReturnType.ToDisplayString()));
                valid = false;
                return new ResponseSpec(ResponseKind.None, declared, null, null);
            }

            foreach (var symbol in JsonTypesOf(spec.Kind, method.ReturnType))
            {
                if (!registered.Contains(Unannotated(symbol)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeNotRegistered, ReturnTypeLocation(method) ?? location,
                        Display(symbol), method.Name, ShortName(contextName)));
                    valid = false;
                }
                else if (serializationOnly.Contains(Unannotated(symbol)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResponseTypeSerializationOnly, ReturnTypeLocation(method) ?? location,
                        Display(symbol), method.Name, ShortName(contextName)));
                    valid = false;
                }
            }
            return spec;
        }

        // The GenerationMode named argument of a [JsonSerializable] or [JsonSourceGenerationOptions], if given.
        private static int? GenerationModeOf(AttributeData data)
        {
            foreach (var argument in data.NamedArguments)
            {
                if (argument.Key == "GenerationMode" && argument.Value.Value is int mode)
                    return mode;
            }
            return null;
        }

        // The types a response kind deserializes, taken from the declared return type.
        private static IEnumerable<ITypeSymbol> JsonTypesOf(ResponseKind kind, ITypeSymbol returnType)
        {
            var outer = ((INamedTypeSymbol)returnType).TypeArguments;
            switch (kind)
            {
                case ResponseKind.Attributes or ResponseKind.Data or ResponseKind.Json or ResponseKind.AllPages:
                    yield return outer[0];
                    break;
                case ResponseKind.List:
                    yield return ((INamedTypeSymbol)outer[0]).TypeArguments[0];
                    break;
                case ResponseKind.AttributesWithMeta or ResponseKind.ListWithMeta:
                    foreach (var argument in ((INamedTypeSymbol)outer[0]).TypeArguments)
                        yield return argument;
                    break;
            }
        }

        private static ValueFormat FormatOf(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                type = nullable.TypeArguments[0];
            switch (type.SpecialType)
            {
                case SpecialType.System_String: return ValueFormat.String;
                case SpecialType.System_Boolean: return ValueFormat.Boolean;
                case SpecialType.System_DateTime: return ValueFormat.DateTime;
            }
            if (type.TypeKind == TypeKind.Enum)
                return ValueFormat.None; // Enum.ToString() gives the C# name, not the panel's wire value.
            var name = type.ToDisplayString();
            if (name == "System.DateTimeOffset")
                return ValueFormat.DateTime;
            return type.AllInterfaces.Any(i => i.ToDisplayString() == "System.IFormattable") ? ValueFormat.Formattable : ValueFormat.None;
        }

        // The element type of a collection a query can repeat: T[] or a reference type implementing IEnumerable<T>
        // (IEnumerable<T>, IReadOnlyList<T>, List<T>...); null for anything else, string included.
        private static ITypeSymbol? ElementTypeOf(ITypeSymbol type)
        {
            if (type is IArrayTypeSymbol array)
                return array.IsSZArray ? array.ElementType : null;
            if (type.SpecialType == SpecialType.System_String || !type.IsReferenceType || type is not INamedTypeSymbol named)
                return null;
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
                return named.TypeArguments[0];
            var enumerable = named.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T);
            return enumerable?.TypeArguments[0];
        }

        // What QueryString.AddEach writes: strings, bools and IFormattable values in invariant culture. Dates would need
        // the "O" format per element, and a nullable value element has no IFormattable to constrain on.
        private static ValueFormat ElementFormatOf(ITypeSymbol element)
        {
            if (IsNullableValueType(element))
                return ValueFormat.None;
            var format = FormatOf(element);
            return format == ValueFormat.DateTime ? ValueFormat.None : format;
        }

        // The simple kind a tool validates command-line text against; identifiers are any other formattable type.
        private static string ValueKindOf(ITypeSymbol type, ValueFormat format)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
                type = nullable.TypeArguments[0];
            switch (type.SpecialType)
            {
                case SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16 or SpecialType.System_UInt16
                    or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64:
                    return "Integer";
                case SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                    return "Number";
            }
            return format switch
            {
                ValueFormat.Boolean => "Boolean",
                ValueFormat.DateTime => "DateTime",
                ValueFormat.Formattable => "Id",
                _ => "String",
            };
        }

        private static EquatableArray<ParameterSpec> DeclaredParameters(IMethodSymbol method)
            => method.Parameters.Select(p => new ParameterSpec(EscapeIdentifier(p.Name), p.Type.ToDisplayString(s_declared), ParameterKind.Query, p.Name,
                ValueFormat.None, false, p.Type.IsValueType, null)).ToEquatableArray();

        private static bool IsEndpointAttribute(INamedTypeSymbol? attribute)
        {
            for (var t = attribute; t is not null; t = t.BaseType)
                if (IsEndpointsType(t, "EndpointAttribute"))
                    return true;
            return false;
        }

        private static bool IsEndpointsType(INamedTypeSymbol? type, string name)
            => type is not null && type.Name == name && type.ContainingNamespace.ToDisplayString() == EndpointsNamespace;

        private static AttributeData? Named(ImmutableArray<AttributeData> attributes, string name)
            => attributes.FirstOrDefault(a => IsEndpointsType(a.AttributeClass, name));

        private static string? FirstString(AttributeData data)
            => data.ConstructorArguments.Length > 0 ? data.ConstructorArguments[0].Value as string : null;

        private static bool InheritsFrom(INamedTypeSymbol type, string baseName)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
                if (t.ToDisplayString() == baseName)
                    return true;
            return false;
        }

        private static bool IsNullableValueType(ITypeSymbol type)
            => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

        private static string Unannotated(ITypeSymbol type) => type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_identity);

        private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        private static string ShortName(string fullyQualified)
        {
            var name = fullyQualified.Replace("global::", "");
            var dot = name.LastIndexOf('.');
            return dot < 0 ? name : name.Substring(dot + 1);
        }

        private static IEnumerable<INamedTypeSymbol> SelfAndContainingTypes(INamedTypeSymbol type)
        {
            for (var t = type; t is not null; t = t.ContainingType)
                yield return t;
        }

        private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
            => type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax d
                && d.Modifiers.Any(SyntaxKind.PartialKeyword));

        private static Location? Identifier(ISymbol symbol, CancellationToken cancellationToken)
            => symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) switch
            {
                MethodDeclarationSyntax m => m.Identifier.GetLocation(),
                TypeDeclarationSyntax t => t.Identifier.GetLocation(),
                _ => symbol.Locations.FirstOrDefault(),
            };

        private static Location? ReturnTypeLocation(IMethodSymbol method)
            => (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as MethodDeclarationSyntax)?.ReturnType.GetLocation();

        private static string Modifiers(IMethodSymbol method)
        {
            var accessibility = method.DeclaredAccessibility switch
            {
                Accessibility.Public => "public",
                Accessibility.Internal => "internal",
                Accessibility.Protected => "protected",
                Accessibility.ProtectedOrInternal => "protected internal",
                Accessibility.ProtectedAndInternal => "private protected",
                _ => "private",
            };
            return accessibility + " partial";
        }

        private static string Keyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };

        private static string NameWithTypeParameters(INamedTypeSymbol type)
            => type.TypeParameters.Length == 0 ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

        private static string EscapeIdentifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
