namespace XsRaid.Formats.Md;

/// <summary>One 0.90 disk descriptor (mdp_disk_t): 32 host-endian words, of which the first five are used.</summary>
public sealed record MdDiskDescriptor090(uint Number, uint Major, uint Minor, uint RaidDisk, uint State)
{
    public const int Size = 128;
    public const int FaultyBit = 0;
    public const int ActiveBit = 1;
    public const int SyncBit = 2;
    public const int RemovedBit = 3;
    public const int WriteMostlyBit = 9;
    public const int FailFastBit = 10;

    public bool IsFaulty => Has(FaultyBit);

    public bool IsActive => Has(ActiveBit);

    public bool IsSync => Has(SyncBit);

    public bool IsRemoved => Has(RemovedBit);

    /// <summary>In sync, active, not faulty and in a real slot: mdadm counts such a device as working.</summary>
    public bool IsWorkingIn(uint raidDisks) => IsSync && IsActive && !IsFaulty && RaidDisk < raidDisks;

    /// <summary>The state words mdadm --examine prints for this descriptor ("active sync", "faulty removed", "spare").</summary>
    public string StateText
    {
        get
        {
            var words = new List<string>();
            var rest = State & ~((1u << WriteMostlyBit) | (1u << FailFastBit));
            if ((rest & (1u << FaultyBit)) != 0)
            {
                words.Add("faulty");
            }

            if ((rest & (1u << ActiveBit)) != 0)
            {
                words.Add("active");
            }

            if ((rest & (1u << SyncBit)) != 0)
            {
                words.Add("sync");
            }

            if ((rest & (1u << RemovedBit)) != 0)
            {
                words.Add("removed");
            }

            if (Has(WriteMostlyBit))
            {
                words.Add("write-mostly");
            }

            if (Has(FailFastBit))
            {
                words.Add("failfast");
            }

            if (rest == 0)
            {
                words.Add("spare");
            }

            return string.Join(' ', words);
        }
    }

    private bool Has(int bit) => (State & (1u << bit)) != 0;

    internal static MdDiskDescriptor090 Read(LittleEndianFields f, int offset) =>
        new(f.U32(offset), f.U32(offset + 4), f.U32(offset + 8), f.U32(offset + 12), f.U32(offset + 16));
}
