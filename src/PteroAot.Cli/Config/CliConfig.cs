using System.Text.Json;
using System.Text.Json.Serialization;
using PteroAot.Cli.Infrastructure;

namespace PteroAot.Cli.Config;

/// <summary>The config file: <c>{"default_profile": "...", "profiles": {"name": {"url", "token", "output"}}}</c>.</summary>
internal sealed class CliConfig
{
    public string? DefaultProfile { get; set; }

    public Dictionary<string, CliProfile> Profiles { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One named connection.</summary>
internal sealed class CliProfile
{
    public string? Url { get; set; }

    public string? Token { get; set; }

    public string? Output { get; set; }

    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"CliProfile {{ Url = {Url}, Token = {Secrets.Mask(Token)} }}";
}

/// <summary>Reads and writes the config file with owner-only permissions.</summary>
internal static class ConfigStore
{
    private const UnixFileMode OwnerDirMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary><c>--config</c>, else <c>$PTERO_CONFIG</c>, else <c>$XDG_CONFIG_HOME/ptero/config.json</c>, else <c>~/.config/ptero/config.json</c>.</summary>
    public static string ResolvePath(string? explicitPath)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
            return Path.GetFullPath(explicitPath);
        if (Environment.GetEnvironmentVariable("PTERO_CONFIG") is { Length: > 0 } env)
            return Path.GetFullPath(env);
        if (Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "ptero", "config.json");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
            home = Environment.GetEnvironmentVariable("HOME") ?? ".";
        return Path.Combine(home, ".config", "ptero", "config.json");
    }

    /// <summary>Loads the file; a missing file is an empty config.</summary>
    public static CliConfig Load(string path)
    {
        if (!File.Exists(path))
            return new CliConfig();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the config file {path}: {ex.Message}", ExitCodes.Unexpected);
        }
        if (bytes.Length == 0)
            return new CliConfig();
        try
        {
            var config = JsonSerializer.Deserialize(bytes, CliJsonContext.Default.CliConfig) ?? new CliConfig();
            config.Profiles ??= new(StringComparer.Ordinal);
            return config;
        }
        catch (JsonException ex)
        {
            // JsonException messages name a position, never the content.
            throw new UsageException($"the config file {path} is not valid JSON ({ex.Message}); fix or delete it.");
        }
    }

    /// <summary>True when the file exists and group or others may read or write it.</summary>
    public static bool IsTooOpen(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
            return false;
        var mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;
    }

    /// <summary>Writes the file atomically: directory 0700 (when created), file 0600.</summary>
    public static void Save(string path, CliConfig config)
    {
        var dir = Path.GetDirectoryName(path)!;
        try
        {
            if (!Directory.Exists(dir))
            {
                if (OperatingSystem.IsWindows())
                    Directory.CreateDirectory(dir);
                else
                    Directory.CreateDirectory(dir, OwnerDirMode);
            }
            var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = OwnerFileMode;
            try
            {
                using (var stream = new FileStream(temp, options))
                {
                    JsonSerializer.Serialize(stream, config, CliJsonContext.Default.CliConfig);
                    stream.WriteByte((byte)'\n');
                }
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(temp, OwnerFileMode);
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp))
                    File.Delete(temp);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the config file {path}: {ex.Message}", ExitCodes.Unexpected);
        }
    }
}
