namespace PteroAot;

/// <summary>One entry of the panel's <c>errors[]</c> array.</summary>
/// <param name="Code">The exception class the panel reported, e.g. <c>ValidationException</c>. A discriminator, not a stable enum.</param>
/// <param name="Status">The HTTP status as the panel wrote it (a string in the body).</param>
/// <param name="Detail">The human-readable message.</param>
/// <param name="SourceField">For validation errors, the dotted input name (<c>allowed_ips.0</c>); otherwise <see langword="null"/>.</param>
/// <param name="Rule">For validation errors, the failed rule (<c>required</c>, <c>p_username</c>, or empty for custom checks).</param>
public sealed record PteroError(string Code, string Status, string Detail, string? SourceField = null, string? Rule = null);
