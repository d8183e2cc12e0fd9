using XsRaid.Health;
using XsRaid.Hosts.Parsers;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.DayTwo;

/// <summary>
/// Reads the running arrays and which member holds a complete copy. `mdadm --detail` (captured by the probe) says it
/// per device ("active sync" against "spare rebuilding", "faulty"); without it /proc/mdstat decides: when as many
/// working members as the "[n/m]" count are in sync, all of them are, otherwise a member whose slot number is past the
/// array's raid disks is the one still being rebuilt (md numbers an added member after the existing slots).
/// </summary>
public static class MirrorArrays
{
    public static IReadOnlyList<MirrorArray> Read(HostSnapshot snapshot)
    {
        if (snapshot.File("/proc/mdstat") is not { } text)
        {
            return [];
        }

        return [.. MdstatParser.Parse(text).Value.Arrays.Select(a => From(a, ArrayConditionReader.Detail(snapshot, a.Name)))];
    }

    public static MirrorArray From(MdstatArray array, MdadmDetail? detail)
    {
        var members = array.Members.Select(m => new MirrorMember(m.Device, InSync(array, m, detail), m.Faulty || Faulty(m, detail))).ToList();
        return new MirrorArray(array.Name, array.State, array.Level, members);
    }

    private static bool InSync(MdstatArray array, MdstatMember member, MdadmDetail? detail)
    {
        if (member.Faulty || member.Spare || array.State == MdstatArrayState.Inactive)
        {
            return false;
        }

        if (DetailOf(member, detail) is { } device)
        {
            return device.Has("active") && device.Has("sync") && !device.Has("faulty") && !device.Has("rebuilding");
        }

        var working = array.Members.Count(m => !m.Faulty && !m.Spare);
        if (array.InSyncDisks is not { } inSync || array.RaidDisks is not { } raid)
        {
            return true;
        }

        return working <= inSync || member.Number < raid;
    }

    private static bool Faulty(MdstatMember member, MdadmDetail? detail) => DetailOf(member, detail)?.Has("faulty") == true;

    private static MdadmDetailDevice? DetailOf(MdstatMember member, MdadmDetail? detail) =>
        detail?.Devices.FirstOrDefault(d => d.Device == "/dev/" + member.Device);
}
