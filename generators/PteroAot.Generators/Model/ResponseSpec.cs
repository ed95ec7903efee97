namespace PteroAot.Generators.Model;

/// <summary>What the method returns and how the body is read.</summary>
internal enum ResponseKind
{
    /// <summary><c>Task</c>: 204, or 202 with <c>[]</c>; the body is ignored.</summary>
    None,

    /// <summary><c>Task&lt;string&gt;</c>: the raw text body.</summary>
    Text,

    /// <summary><c>Task&lt;T&gt;</c> from <c>{"object", "attributes"}</c>.</summary>
    Attributes,

    /// <summary><c>Task&lt;T&gt;</c> from <c>{"data": ...}</c>.</summary>
    Data,

    /// <summary><c>Task&lt;T&gt;</c> from the body itself.</summary>
    Json,

    /// <summary><c>Task&lt;Resource&lt;T, TMeta&gt;&gt;</c>: item plus meta.</summary>
    AttributesWithMeta,

    /// <summary><c>Task&lt;ResourceList&lt;T&gt;&gt;</c>: one list response.</summary>
    List,

    /// <summary><c>Task&lt;ResourceList&lt;T, TMeta&gt;&gt;</c>: one list response with a typed meta.</summary>
    ListWithMeta,

    /// <summary><c>IAsyncEnumerable&lt;T&gt;</c>: every page of a paginated list, fetched lazily.</summary>
    AllPages,
}

/// <summary>The response shape.</summary>
/// <param name="ReturnType">The declared return type, fully qualified.</param>
/// <param name="ItemType">T (fully qualified, no nullable annotation) for the kinds that deserialize.</param>
/// <param name="MetaType">TMeta for <see cref="ResponseKind.AttributesWithMeta"/>.</param>
internal sealed record ResponseSpec(ResponseKind Kind, string ReturnType, string? ItemType, string? MetaType);
