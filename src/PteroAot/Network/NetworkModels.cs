using System.Text.Json.Serialization;

namespace PteroAot.Network;

/// <summary>An IP and port of a server (client object <c>allocation</c>).</summary>
public sealed record NetworkAllocation
{
    /// <summary>The allocation's id.</summary>
    public AllocationId Id { get; set; }

    /// <summary>The IP address.</summary>
    public string Ip { get; set; } = "";

    /// <summary>An alias shown instead of the IP, or null.</summary>
    public string? IpAlias { get; set; }

    /// <summary>The port.</summary>
    public int Port { get; set; }

    /// <summary>The notes, or null.</summary>
    public string? Notes { get; set; }

    /// <summary>Whether it is the server's primary allocation.</summary>
    public bool IsDefault { get; set; }

    /// <summary><c>ip:port</c> (the alias when there is one).</summary>
    [JsonIgnore]
    public string Address => $"{IpAlias ?? Ip}:{Port}";
}

/// <summary>Body of <c>POST .../network/allocations/{allocation}</c>.</summary>
public sealed class UpdateAllocationNotesRequest
{
    /// <summary>The notes (at most 256 characters); null clears them. Always sent, as the panel requires the key.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Notes { get; init; }
}
