using System.Text.Json.Serialization;
using PteroAot.Cli.Config;
using PteroAot.Cli.Commands;

namespace PteroAot.Cli;

/// <summary>JSON metadata of the CLI's own shapes: the config file and outputs the SDK has no model for.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(CliConfig))]
[JsonSerializable(typeof(CreatedApiKeyOutput))]
[JsonSerializable(typeof(ConfigShowOutput))]
[JsonSerializable(typeof(List<ProfileListItem>))]
[JsonSerializable(typeof(PteroAot.Cli.Infrastructure.BulkResult))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
