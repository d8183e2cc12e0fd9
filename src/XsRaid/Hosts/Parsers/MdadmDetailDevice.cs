namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One row of the device table at the end of mdadm --detail: "Number Major Minor RaidDevice State Device".
/// Number and RaidDevice are null where mdadm prints "-" (a removed slot, a spare, an inactive array's member).
/// <see cref="State"/> holds the state words ("active", "sync", "spare", "rebuilding", "faulty", "removed",
/// "set-A"); <see cref="Device"/> is null for a removed slot.
/// </summary>
public sealed record MdadmDetailDevice(
    int? Number,
    int Major,
    int Minor,
    int? RaidDevice,
    IReadOnlyList<string> State,
    string? Device)
{
    public bool Has(string stateWord) => State.Contains(stateWord, StringComparer.Ordinal);
}
