using System.Text.Json.Serialization;

namespace PteroAot;

/// <summary>The panel's <c>meta.pagination</c> block of a paginated list.</summary>
public sealed record Pagination
{
    /// <summary>Items across all pages.</summary>
    public int Total { get; set; }

    /// <summary>Items on this page.</summary>
    public int Count { get; set; }

    /// <summary>Page size used.</summary>
    [JsonPropertyName("per_page")]
    public int PerPage { get; set; }

    /// <summary>This page's number, from 1.</summary>
    [JsonPropertyName("current_page")]
    public int CurrentPage { get; set; }

    /// <summary>Number of pages.</summary>
    [JsonPropertyName("total_pages")]
    public int TotalPages { get; set; }

    /// <summary>True when a later page exists.</summary>
    [JsonIgnore]
    public bool HasNextPage => CurrentPage < TotalPages;
}
