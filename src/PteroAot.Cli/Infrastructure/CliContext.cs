using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PteroAot.Cli.Config;
using PteroAot.Cli.Terminal;
using PteroAot.Json;

namespace PteroAot.Cli.Infrastructure;

/// <summary>Everything a command needs: options, resolved connection, the client, output helpers.</summary>
internal sealed class CliContext : IDisposable
{
    private static readonly Lazy<PteroJsonContext> s_sdkJson = new(() => new PteroJsonContext(new JsonSerializerOptions(PteroJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    private static readonly Lazy<CliJsonContext> s_cliJson = new(() => new CliJsonContext(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    private CliConfig? _config;
    private Resolved? _resolved;
    private PteroClient? _client;

    public CliContext(ParseResult parseResult, CancellationToken cancellationToken)
    {
        ParseResult = parseResult;
        CancellationToken = cancellationToken;
        Globals = Globals.From(parseResult);
        ConfigPath = ConfigStore.ResolvePath(Globals.ConfigPath);
        Secrets.Register(Globals.Token);
    }

    public ParseResult ParseResult { get; }

    public CancellationToken CancellationToken { get; }

    public Globals Globals { get; }

    public string ConfigPath { get; }

    public TextWriter Out { get; } = Console.Out;

    public TextWriter Err { get; } = Console.Error;

    public SecretInput Input { get; } = new();

    public static PteroJsonContext SdkJson => s_sdkJson.Value;

    public static CliJsonContext CliJson => s_cliJson.Value;

    public CliConfig Config => _config ??= LoadConfig();

    public Resolved Resolved => _resolved ??= ConnectionResolver.Resolve(Globals, Config, ConfigPath);

    /// <summary>JSON output: <c>json</c> (indented) or <c>jsonl</c> (one compact object per line).</summary>
    public bool Json => Resolved.Output is "json" or "jsonl";

    /// <summary>One compact JSON object per line.</summary>
    public bool Jsonl => Resolved.Output == "jsonl";

    public T Get<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T Get<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;

    /// <summary>The client for the resolved connection; a missing URL or key is a usage error naming the three ways to give it.</summary>
    public PteroClient Client
    {
        get
        {
            if (_client is not null)
                return _client;
            var r = Resolved;
            if (r.Url is null || r.Token is null)
            {
                var missing = r.Url is null && r.Token is null ? "no panel URL and no API key" : r.Url is null ? "no panel URL" : "no API key";
                throw new UsageException(
                    $"{missing} configured. Give {(r.Url is null ? "the URL" : "")}{(r.Url is null && r.Token is null ? " and " : "")}{(r.Token is null ? "the key" : "")} in one of three ways:\n" +
                    "  1. a profile:     ptero config set --url https://panel.example.com --token-stdin   (then --profile NAME, or make it the default)\n" +
                    "  2. environment:   PTERO_URL=https://panel.example.com PTERO_TOKEN=ptlc_...\n" +
                    "  3. flags:         --url https://panel.example.com --token ptlc_...   (discouraged for the key)");
            }
            if (!Uri.TryCreate(r.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new UsageException($"the panel URL '{Term.Clean(r.Url)}' ({ConnectionResolver.Describe(r.UrlSource)}) is not an absolute http:// or https:// URL.");
            var options = new PteroClientOptions
            {
                MaxRateLimitRetries = Globals.NoRetry ? 0 : 2,
                Timeout = TimeSpan.FromSeconds(30),
                UserAgent = "ptero-cli/1.0",
            };
            try
            {
                _client = new PteroClient(r.Url, r.Token, options);
            }
            catch (ArgumentException ex)
            {
                // The SDK's messages never contain the key.
                throw new UsageException(ex.Message.Split(" (Parameter", 2)[0]);
            }
            return _client;
        }
    }

    /// <summary>Writes an SDK model as indented JSON to stdout.</summary>
    public void WriteJson<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        if (Jsonl)
        {
            Out.WriteLine(Output.Compact(value, typeInfo));
            return;
        }
        Out.WriteLine(Output.Indented(value, typeInfo));
    }

    /// <summary>
    /// Writes a whole list of SDK models: an indented JSON array, or one object per line for <c>jsonl</c>. Takes the
    /// item's metadata, so no list type needs its own (each costs the native binary ~8 KB).
    /// </summary>
    public void WriteJsonArray<T>(IEnumerable<T> items, JsonTypeInfo<T> typeInfo)
    {
        if (Jsonl)
        {
            foreach (var item in items)
                Out.WriteLine(Output.Compact(item, typeInfo));
            return;
        }
        Out.WriteLine(Output.IndentedArray(items, typeInfo));
    }

    /// <summary>Starts a streamed list: a table, a JSON array, or one JSON object per line.</summary>
    public ListOutput<T> List<T>(JsonTypeInfo<T> typeInfo, params string[] headers) => new(this, typeInfo, headers);

    /// <summary>A confirmation for people (stdout, table mode, not --quiet).</summary>
    public void Done(string message)
    {
        if (!Globals.Quiet && !Json)
            Out.WriteLine(Term.Clean(message));
    }

    /// <summary>A hint or warning on stderr (not --quiet).</summary>
    public void Note(string message)
    {
        if (!Globals.Quiet)
            Err.WriteLine(message);
    }

    public void Warn(string message) => Err.WriteLine($"{Term.Yellow("warning:", Term.ColorErr)} {message}");

    public void WriteTable(Table table) => table.Write(Out, Term.OutputWidth, Term.ColorOut);

    public void WriteDetails(Details details) => details.Write(Out, Term.ColorOut);

    private CliConfig LoadConfig()
    {
        var config = ConfigStore.Load(ConfigPath);
        if (ConfigStore.IsTooOpen(ConfigPath))
            Warn($"{ConfigPath} can be read by other users; run: chmod 600 {ConfigPath}");
        return config;
    }

    public void Dispose() => _client?.Dispose();
}
