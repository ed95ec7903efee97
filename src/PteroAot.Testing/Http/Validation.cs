namespace PteroAot.Testing.Http;

/// <summary>Collects Laravel-style validation failures (messages from the panel's <c>validation.php</c>).</summary>
internal sealed class Validation
{
    private readonly List<PanelErrorEntry> _errors = [];

    public bool Failed => _errors.Count > 0;

    public static string Attribute(string field) => field.Replace('_', ' ');

    public void Add(string field, string rule, string detail) =>
        _errors.Add(new PanelErrorEntry("ValidationException", 422, detail, field, rule));

    public void Required(string field) => Add(field, "required", $"The {Attribute(field)} field is required.");

    public void MustBeString(string field) => Add(field, "string", $"The {Attribute(field)} must be a string.");

    public void ThrowIfFailed()
    {
        if (Failed)
        {
            throw new PanelException(_errors);
        }
    }

    /// <summary>
    /// Applies <c>required|string</c>: absent/null/empty-after-trim adds <c>required</c> and returns null;
    /// a non-string adds <c>string</c> and returns null; otherwise returns the (trimmed) string.
    /// </summary>
    public string? RequiredString(RequestInput input, string field)
    {
        if (input.IsMissing(field))
        {
            Required(field);
            return null;
        }

        var value = input.GetString(field);
        if (value is null)
        {
            MustBeString(field);
        }

        return value;
    }
}
