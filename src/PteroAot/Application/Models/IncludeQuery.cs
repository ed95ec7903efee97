namespace PteroAot.Application;

/// <summary>Turns the Application API's include flags into the value of the <c>include=</c> query parameter.</summary>
public static class IncludeQuery
{
    // Wire names by bit position (bit 0 = value 1), in the enums' declaration order.
    private static readonly string[] ServerNames = ["allocations", "user", "subusers", "nest", "egg", "variables", "location", "node", "databases"];
    private static readonly string[] UserNames = ["servers"];
    private static readonly string[] NodeNames = ["allocations", "location", "servers"];
    private static readonly string[] LocationNames = ["nodes", "servers"];
    private static readonly string[] NestNames = ["eggs", "servers"];
    private static readonly string[] EggNames = ["nest", "servers", "config", "script", "variables"];
    private static readonly string[] AllocationNames = ["node", "server"];
    private static readonly string[] DatabaseNames = ["password", "host"];

    /// <summary>The comma list (e.g. <c>allocations,user</c>), or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(ApplicationServerInclude include) => Join((int)include, ServerNames);

    /// <summary>The comma list, or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(ApplicationUserInclude include) => Join((int)include, UserNames);

    /// <summary>The comma list, or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(NodeInclude include) => Join((int)include, NodeNames);

    /// <summary>The comma list, or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(LocationInclude include) => Join((int)include, LocationNames);

    /// <summary>The comma list, or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(NestInclude include) => Join((int)include, NestNames);

    /// <summary>The comma list, or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(EggInclude include) => Join((int)include, EggNames);

    /// <summary>The comma list, or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(NodeAllocationInclude include) => Join((int)include, AllocationNames);

    /// <summary>The comma list, or <see langword="null"/> for <c>None</c>.</summary>
    public static string? Format(ApplicationDatabaseInclude include) => Join((int)include, DatabaseNames);

    private static string? Join(int include, string[] names)
    {
        if (include == 0)
            return null;
        if ((include & ~((1 << names.Length) - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(include), include, "Unknown include flag.");
        var parts = new List<string>(names.Length);
        for (var bit = 0; bit < names.Length; bit++)
            if ((include & (1 << bit)) != 0)
                parts.Add(names[bit]);
        return string.Join(',', parts);
    }
}
