using XsRaid.Hosts.Parsers;

namespace XsRaid.Tests.Hosts.Parsers;

/// <summary>
/// Compares one /proc/mdstat array with the mdadm --detail of the same array taken at the same moment:
/// two views printed by different code (the kernel, mdadm) that must tell the same story.
/// </summary>
internal static class MdCrossCheck
{
    public static void Compare(MdstatArray array, MdadmDetail detail)
    {
        var what = $"{array.Name} vs {detail.Device}";
        detail.Device.ShouldBe("/dev/" + array.Name);
        detail.TotalDevices.ShouldBe(array.Members.Count, what);
        detail.WorkingDevices.ShouldBe(array.WorkingCount, what);
        detail.Version.ShouldBe(array.SuperVersion ?? "0.90", what);

        if (array.State == MdstatArrayState.Inactive)
        {
            detail.State.ShouldBe(["inactive"], what);
            array.Level.ShouldBeNull(what);
            detail.ArraySizeKiB.ShouldBeNull(what);
            array.Members.ShouldAllBe(m => m.Spare, what);
        }
        else
        {
            detail.RaidLevel.ShouldBe(array.Level, what);
            detail.ArraySizeKiB.ShouldBe(array.Blocks, what);
            detail.FailedDevices.ShouldBe(array.FaultyCount, what);
            CompareCounts(array, detail, what);
            detail.HasState("degraded").ShouldBe(array.IsDegraded, what);
            (detail.IntentBitmap == "Internal").ShouldBe(array.Bitmap is not null, what);
            CompareSync(array, detail, what);
        }

        CompareMembers(array, detail, what);
    }

    private static void CompareCounts(MdstatArray array, MdadmDetail detail, string what)
    {
        if (array.RaidDisks is { } raidDisks)
        {
            detail.RaidDevices.ShouldBe(raidDisks, what);
            detail.ActiveDevices.ShouldBe(array.InSyncDisks, what);
            detail.SpareDevices.ShouldBe(array.SpareCount, what);
            array.DiskStatus!.Length.ShouldBe(raidDisks, what);
            array.DiskStatus.Count(c => c == 'U').ShouldBe(array.InSyncDisks!.Value, what);
        }
        else
        {
            // raid0 and linear print no [n/m]: every member is an active device.
            detail.RaidDevices.ShouldBe(array.Members.Count, what);
            detail.ActiveDevices.ShouldBe(array.Members.Count, what);
            detail.SpareDevices.ShouldBe(0, what);
        }
    }

    private static void CompareSync(MdstatArray array, MdadmDetail detail, string what)
    {
        if (array.Sync is { } sync)
        {
            var (kind, word) = sync.Action switch
            {
                MdSyncAction.Resync => (MdadmSyncKind.Resync, "resyncing"),
                MdSyncAction.Recovery => (MdadmSyncKind.Rebuild, "recovering"),
                MdSyncAction.Reshape => (MdadmSyncKind.Reshape, "reshaping"),
                _ => (MdadmSyncKind.Check, "checking"),
            };
            detail.Sync.ShouldBe(new MdadmSyncStatus(kind, (int)Math.Floor(sync.Percent)), what);
            detail.HasState(word).ShouldBeTrue(what);
            sync.TotalKiB.ShouldBe(detail.UsedDevSizeKiB!.Value, what);
        }
        else if (array.ResyncWait is { } wait)
        {
            detail.Sync.ShouldBeNull(what);
            detail.HasState(wait == MdResyncWait.Delayed ? "resyncing (DELAYED)" : "resyncing (PENDING)").ShouldBeTrue(what);
        }
        else
        {
            detail.Sync.ShouldBeNull(what);
            detail.State.ShouldAllBe(s => s == "clean" || s == "degraded", what);
        }
    }

    private static void CompareMembers(MdstatArray array, MdadmDetail detail, string what)
    {
        detail.Devices.Count(d => d.Device is not null).ShouldBe(array.Members.Count, what);
        foreach (var member in array.Members)
        {
            var row = detail.Devices.Single(d => d.Device == "/dev/" + member.Device);
            // mdadm prints "-" for the number of an inactive array's member.
            row.Number.ShouldBe(array.State == MdstatArrayState.Inactive ? null : member.Number, what + " " + member.Device);
            row.Has("faulty").ShouldBe(member.Faulty, what + " " + member.Device);
            if (member.Faulty || member.Spare)
            {
                row.RaidDevice.ShouldBeNull(what + " " + member.Device);
            }
            else
            {
                row.RaidDevice.ShouldNotBeNull(what + " " + member.Device);
            }

            if (member.Spare && array.State != MdstatArrayState.Inactive)
            {
                row.State.ShouldBe(["spare"], what + " " + member.Device);
            }
        }
    }
}
