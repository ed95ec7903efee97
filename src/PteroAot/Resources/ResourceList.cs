namespace PteroAot;

/// <summary>
/// One response of a list endpoint: the items of <c>data[]</c> unwrapped from their envelopes, and the
/// pagination block when the endpoint is paginated (<see langword="null"/> for lists the panel returns whole).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Pagination">The page metadata, or <see langword="null"/> for unpaginated lists.</param>
public sealed record ResourceList<T>(IReadOnlyList<T> Items, Pagination? Pagination);

/// <summary>
/// A list response whose <c>meta</c> carries more than pagination (backups' <c>backup_count</c>, startup's
/// <c>startup_command</c> and <c>docker_images</c>).
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TMeta">The meta type (its own fields; pagination is read into <paramref name="Pagination"/>).</typeparam>
/// <param name="Items">The items of this page.</param>
/// <param name="Pagination">The page metadata, or <see langword="null"/> for unpaginated lists.</param>
/// <param name="Meta">The rest of <c>meta</c>.</param>
public sealed record ResourceList<T, TMeta>(IReadOnlyList<T> Items, Pagination? Pagination, TMeta? Meta);

/// <summary>An item response together with its <c>meta</c> block (for example a created API key's secret).</summary>
/// <typeparam name="T">The attributes type.</typeparam>
/// <typeparam name="TMeta">The meta type.</typeparam>
/// <param name="Attributes">The unwrapped object.</param>
/// <param name="Meta">The <c>meta</c> object, or <see langword="null"/> when the panel sent none.</param>
public sealed record Resource<T, TMeta>(T Attributes, TMeta? Meta);
