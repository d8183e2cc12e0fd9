namespace XsRaid.Hosts.Parsers;

/// <summary>
/// The firmware's boot manager variables as efibootmgr lists them. Ids are 4 upper-case hex digits ("0003").
/// <see cref="BootNext"/> is null unless a one-time next boot is set; <see cref="BootCurrent"/> and
/// <see cref="TimeoutSeconds"/> are null when the firmware did not set them. <see cref="BootOrder"/> is empty when
/// efibootmgr said "No BootOrder is set". <see cref="Entries"/> are in the order listed.
/// </summary>
public sealed record EfiBootManagerState
{
    public string? BootCurrent { get; init; }

    public string? BootNext { get; init; }

    public int? TimeoutSeconds { get; init; }

    public required IReadOnlyList<string> BootOrder { get; init; }

    public required IReadOnlyList<EfiBootEntry> Entries { get; init; }

    /// <summary>The entry the running system was booted from, when listed.</summary>
    public EfiBootEntry? Current => BootCurrent is { } id ? Entry(id) : null;

    public EfiBootEntry? Entry(string id) => Entries.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
}
