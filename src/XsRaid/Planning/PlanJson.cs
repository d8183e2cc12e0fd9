using System.Text.Json;
using System.Text.Json.Serialization;

namespace XsRaid.Planning;

/// <summary>
/// The plan as data for scripts: stable camelCase field names, steps with ids and argv arrays, phases as
/// kebab-case strings. A refused plan is {"refusals":[{"rule","message","wayOut"}]}.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(PlanResult))]
public sealed partial class PlanJson : JsonSerializerContext
{
    public static string Serialize(PlanResult result) => JsonSerializer.Serialize(result, Default.PlanResult);

    public static PlanResult? Deserialize(string json) => JsonSerializer.Deserialize(json, Default.PlanResult);
}
