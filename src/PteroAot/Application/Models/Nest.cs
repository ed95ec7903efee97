using System.Text.Json.Serialization;

namespace PteroAot.Application;

/// <summary>A nest (object <c>nest</c>): <c>/api/application/nests</c>.</summary>
public sealed record Nest
{
    /// <summary>The nest's id.</summary>
    public NestId Id { get; set; }

    /// <summary>The nest's UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>Author e-mail.</summary>
    public string Author { get; set; } = "";

    /// <summary>Name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Description, or null.</summary>
    public string? Description { get; set; }

    /// <summary>When the nest was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the nest was last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The included relationships; <see langword="null"/> when nothing was included.</summary>
    public NestRelationships? Relationships { get; set; }

    /// <summary>The eggs with <see cref="NestInclude.Eggs"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<Egg>? Eggs => Relationships?.Eggs is { Data: not null } list ? [.. list.Items] : null;

    /// <summary>The servers with <see cref="NestInclude.Servers"/>; <see langword="null"/> when not included or refused.</summary>
    [JsonIgnore]
    public IReadOnlyList<ApplicationServer>? Servers => Relationships?.Servers is { Data: not null } list ? [.. list.Items] : null;
}

/// <summary>The relationships a <c>nest</c> may carry.</summary>
public sealed record NestRelationships
{
    /// <summary>With <c>include=eggs</c> (<c>r_eggs</c>).</summary>
    public RelatedList<Egg>? Eggs { get; set; }

    /// <summary>With <c>include=servers</c> (<c>r_servers</c>).</summary>
    public RelatedList<ApplicationServer>? Servers { get; set; }
}

/// <summary>What <c>include=</c> may ask for on nest routes (see <see cref="IncludeQuery"/>).</summary>
[Flags]
public enum NestInclude
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><c>eggs</c>.</summary>
    Eggs = 1,

    /// <summary><c>servers</c>.</summary>
    Servers = 2,
}
