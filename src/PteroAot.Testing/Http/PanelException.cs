namespace PteroAot.Testing.Http;

/// <summary>One entry of the panel's error envelope.</summary>
/// <param name="Code">Exception short name, e.g. <c>ValidationException</c>.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Detail">Human message.</param>
/// <param name="SourceField">Validation: the dotted input name.</param>
/// <param name="Rule">Validation: the snake-case rule (may be empty).</param>
internal sealed record PanelErrorEntry(string Code, int Status, string Detail, string? SourceField = null, string? Rule = null);

/// <summary>Thrown by handlers to produce a panel error response.</summary>
internal sealed class PanelException : Exception
{
    public PanelException(int status, string code, string detail)
        : base(detail)
    {
        Status = status;
        Entries = [new PanelErrorEntry(code, status, detail)];
    }

    public PanelException(IReadOnlyList<PanelErrorEntry> entries)
        : base(entries[0].Detail)
    {
        Status = entries[0].Status;
        Entries = entries;
    }

    public int Status { get; }

    public IReadOnlyList<PanelErrorEntry> Entries { get; }

    /// <summary>Headers the exception carries (e.g. Retry-After).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static PanelException NotFound() =>
        new(404, "NotFoundHttpException", "The requested resource could not be found on the server.");

    public static PanelException BadRequest(string detail) => new(400, "BadRequestHttpException", detail);

    public static PanelException InvalidPassword() =>
        new(400, "InvalidPasswordProvidedException", "The password provided was invalid for this account.");
}
