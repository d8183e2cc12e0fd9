using System.Text.Json;
using System.Text.Json.Serialization;

namespace XsRaid.Cli.Rendering;

/// <summary>Stable camelCase JSON of the CLI's own results (source-generated, so it survives trimming).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SnapshotSaved))]
public sealed partial class CliJson : JsonSerializerContext
{
    public static string Serialize(SnapshotSaved saved) => JsonSerializer.Serialize(saved, Default.SnapshotSaved);

    public static SnapshotSaved? DeserializeSnapshotSaved(string json) => JsonSerializer.Deserialize(json, Default.SnapshotSaved);
}
