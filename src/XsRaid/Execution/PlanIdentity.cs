using System.Security.Cryptography;
using System.Text;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// A short fingerprint of a plan (the first 16 hex digits of SHA-256 of its JSON): journal lines carry it, so
/// lines of another plan are never taken for this one's, and two plans are the same plan exactly when it matches.
/// </summary>
public static class PlanIdentity
{
    public static string Of(ConversionPlan plan) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PlanJson.Serialize(PlanResult.Ok(plan)))))[..16];
}
