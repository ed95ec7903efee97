using System.Text;

namespace PteroAot.Application;

/// <summary>
/// A node's Wings configuration: <c>GET /api/application/nodes/{node}/configuration</c>, returned raw (no
/// <c>{object, attributes}</c> envelope). <b>Contains the node's secret daemon token</b> (<see cref="Token"/>): treat
/// the whole object as a secret. <see cref="object.ToString"/> masks the token.
/// </summary>
public sealed record NodeConfiguration
{
    /// <summary>Wings debug mode.</summary>
    public bool Debug { get; set; }

    /// <summary>The node's UUID.</summary>
    public Guid Uuid { get; set; }

    /// <summary>The daemon token's public id.</summary>
    public string TokenId { get; set; } = "";

    /// <summary><b>Secret</b>: the daemon token Wings authenticates to the panel with. Never log it.</summary>
    public string Token { get; set; } = "";

    /// <summary>Wings' HTTP API settings.</summary>
    public NodeConfigurationApi Api { get; set; } = new();

    /// <summary>Wings' system settings.</summary>
    public NodeConfigurationSystem System { get; set; } = new();

    /// <summary>Host paths servers may mount.</summary>
    public IReadOnlyList<string> AllowedMounts { get; set; } = [];

    /// <summary>The panel's URL as Wings should call it.</summary>
    public string Remote { get; set; } = "";

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Debug = ").Append(Debug ? "True" : "False")
            .Append(", Uuid = ").Append(Uuid.ToString("D"))
            .Append(", TokenId = ").Append(TokenId)
            .Append(", Token = ***")
            .Append(", Api = ").Append(Api)
            .Append(", System = ").Append(System)
            .Append(", AllowedMounts = [").Append(string.Join(", ", AllowedMounts)).Append(']')
            .Append(", Remote = ").Append(Remote);
        return true;
    }
}

/// <summary>The <c>api</c> block of a <see cref="NodeConfiguration"/>.</summary>
public sealed record NodeConfigurationApi
{
    /// <summary>Listen address.</summary>
    public string Host { get; set; } = "";

    /// <summary>Listen port.</summary>
    public int Port { get; set; }

    /// <summary>TLS settings.</summary>
    public NodeConfigurationSsl Ssl { get; set; } = new();

    /// <summary>Upload limit in MiB.</summary>
    public int UploadLimit { get; set; }
}

/// <summary>The <c>api.ssl</c> block of a <see cref="NodeConfiguration"/>.</summary>
public sealed record NodeConfigurationSsl
{
    /// <summary>Whether TLS is on.</summary>
    public bool Enabled { get; set; }

    /// <summary>Certificate path.</summary>
    public string Cert { get; set; } = "";

    /// <summary>Key path.</summary>
    public string Key { get; set; } = "";
}

/// <summary>The <c>system</c> block of a <see cref="NodeConfiguration"/>.</summary>
public sealed record NodeConfigurationSystem
{
    /// <summary>Where server volumes live.</summary>
    public string Data { get; set; } = "";

    /// <summary>SFTP settings.</summary>
    public NodeConfigurationSftp Sftp { get; set; } = new();
}

/// <summary>The <c>system.sftp</c> block of a <see cref="NodeConfiguration"/>.</summary>
public sealed record NodeConfigurationSftp
{
    /// <summary>SFTP port.</summary>
    public int BindPort { get; set; }
}
