using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace XsRaid.DayTwo;

/// <summary>
/// A day-2 plan as data for scripts, with the same conventions as a conversion plan's JSON (camelCase, argv arrays,
/// kebab-case enums); a refused one is {"refusals":[...]}. <see cref="Identity"/> is the plan's journal id.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    WriteIndented = true)]
[JsonSerializable(typeof(DayTwoResult))]
public sealed partial class DayTwoJson : JsonSerializerContext
{
    public static string Serialize(DayTwoResult result) => JsonSerializer.Serialize(result, Default.DayTwoResult);

    /// <summary>16 hex digits of SHA-256 of the plan's JSON: the journal lines of this plan carry it.</summary>
    public static string Identity(DayTwoPlan plan) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Serialize(XsRaid.DayTwo.DayTwoResult.Ok(plan)))))[..16];
}
