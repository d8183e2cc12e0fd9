using System.Text.Json;
using System.Text.Json.Serialization;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// JSON of the journal lines (compact, one per line) and of the saved conversion: camelCase names, enums as
/// kebab-case strings, nulls left out. Times are UTC ("...Z").
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(JournalEntry))]
[JsonSerializable(typeof(SavedConversion))]
[JsonSerializable(typeof(PlanStep))]
public sealed partial class ExecutionJson : JsonSerializerContext
{
    public static string Serialize(JournalEntry entry) => JsonSerializer.Serialize(entry, Default.JournalEntry);

    public static string Serialize(SavedConversion saved) => JsonSerializer.Serialize(saved, Default.SavedConversion);

    public static string StepJson(PlanStep step) => JsonSerializer.Serialize(step, Default.PlanStep);

    /// <summary>A journal line, or null when it is not one (a line torn by a power cut, a foreign line).</summary>
    public static JournalEntry? ParseEntry(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, Default.JournalEntry) is { Plan: not null, Step: not null } e ? e : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A saved conversion, or null when the text is not one.</summary>
    public static SavedConversion? ParseSaved(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, Default.SavedConversion) is { Plan: not null, Options: not null } s ? LegacySavedPlan.Upgrade(s) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
