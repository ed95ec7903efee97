using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>
/// An included to-one relationship as the panel nests it inside <c>attributes.relationships</c>:
/// <c>{"object": "user", "attributes": {...}}</c>, or <c>{"object": "null_resource", "attributes": null}</c>
/// when it is missing or the key may not see it.
/// </summary>
/// <typeparam name="T">The related object's type.</typeparam>
public sealed record RelatedItem<T> where T : class
{
    /// <summary>The panel's resource name (<c>null_resource</c> when absent).</summary>
    public string? Object { get; set; }

    /// <summary>The related object, or <see langword="null"/> for a <c>null_resource</c>.</summary>
    public T? Attributes { get; set; }
}

/// <summary>An included to-many relationship: <c>{"object": "list", "data": [{"object", "attributes"}...]}</c>.</summary>
/// <typeparam name="T">The related objects' type.</typeparam>
public sealed record RelatedList<T> where T : class
{
    /// <summary>The panel's resource name (<c>list</c>, or <c>null_resource</c> when refused).</summary>
    public string? Object { get; set; }

    /// <summary>The wrapped items; <see langword="null"/> for a <c>null_resource</c>.</summary>
    public IReadOnlyList<RelatedItem<T>>? Data { get; set; }

    /// <summary>The unwrapped items (empty for a <c>null_resource</c>).</summary>
    [JsonIgnore]
    public IEnumerable<T> Items => Data is null ? [] : Unwrap(Data);

    // A plain iterator, not Where/Select: Linq's iterators and lambdas per T cost the native binary more.
    private static IEnumerable<T> Unwrap(IReadOnlyList<RelatedItem<T>> data)
    {
        foreach (var item in data)
        {
            if (item?.Attributes is { } attributes)
                yield return attributes;
        }
    }
}
