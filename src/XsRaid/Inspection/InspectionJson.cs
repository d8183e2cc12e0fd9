using System.Text.Json;
using System.Text.Json.Serialization;

namespace XsRaid.Inspection;

/// <summary>Stable camelCase JSON of inspection reports (source-generated; absent values are left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(InspectionDocument))]
public sealed partial class InspectionJson : JsonSerializerContext
{
    public static string Serialize(InspectionDocument document) =>
        JsonSerializer.Serialize(document, Default.InspectionDocument);

    public static InspectionDocument? Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Default.InspectionDocument);
}
