using XsRaid.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Planning;

/// <summary>
/// The awk programs inside the md snippets, run by this machine's awk on /proc/mdstat and `mdadm --detail` output
/// the real md driver produced (Fixtures/md). The case that matters: a boot after a roll-back assembles the new
/// disk's half arrays incrementally and leaves them inactive, holding their member; the resumed conversion must
/// neither take such an array for one it made nor miss it when it clears the member.
/// </summary>
public sealed class MdSnippetTests
{
    [Fact]
    public void MdstatHoldersFindsAnInactiveArrayByItsMember()
    {
        Holders("raid0-inactive-one-member-incremental.txt", "sdt1").ShouldBe("md33 inactive\n");
    }

    [Theory]
    [InlineData("raid0-inactive-one-member-incremental.txt", "sdt5", "md36 active\n")]
    [InlineData("raid0-inactive-one-member-incremental.txt", "sdu5", "md36 active\n")]
    [InlineData("several-arrays-clean.txt", "sdr1", "md30 active\n")]
    [InlineData("raid1-member-failed.txt", "sds", "md20 active\n")]
    [InlineData("raid1-member-failed.txt", "sdt", "md21 active\n")]
    public void MdstatHoldersFindsActiveArraysByEachMember(string mdstat, string member, string expected)
    {
        Holders(mdstat, member).ShouldBe(expected);
    }

    [Theory]
    [InlineData("several-arrays-clean.txt", "sdr")]
    [InlineData("several-arrays-clean.txt", "sdr11")]
    [InlineData("several-arrays-clean.txt", "raid1")]
    [InlineData("several-arrays-clean.txt", "active")]
    [InlineData("raid0-inactive-one-member-incremental.txt", "inactive")]
    public void MdstatHoldersIgnoresWhatIsNotAMember(string mdstat, string name)
    {
        Holders(mdstat, name).ShouldBeEmpty();
    }

    [Fact]
    public void AnInactiveArrayDoesNotRunWithItsListedMember()
    {
        var detail = Fixtures.PathOf("md/detail-snapshots/raid0-inactive-one-member-incremental--md33.txt");
        File.ReadAllText(detail).ShouldContain("/dev/sdt1", Case.Sensitive, "the fixture lists the member: the state must decide");

        RunsWith(detail, "/dev/sdt1").ShouldBeFalse();
    }

    [Theory]
    [InlineData("raid1-clean-and-raid1-degraded-bitmap--md21.txt", "/dev/sdt", true)]
    [InlineData("raid1-clean-and-raid1-degraded-bitmap--md21.txt", "/dev/sdu", false)]
    [InlineData("raid0-started-by-incremental--md33.txt", "/dev/sdt1", true)]
    [InlineData("raid1-recovery-after-add--md20.txt", "/dev/sds", true)]
    public void AnActiveArrayRunsWithTheMembersItLists(string detail, string member, bool expected)
    {
        RunsWith(Fixtures.PathOf("md/detail-snapshots/" + detail), member).ShouldBe(expected);
    }

    private static string Holders(string mdstat, string member) =>
        Tool.Run("awk", "-v", "d=" + member, Snippets.MdstatHolders, Fixtures.PathOf("md/mdstat/" + mdstat)).Stdout;

    private static bool RunsWith(string detail, string member) =>
        Tool.Run("awk", ["-v", "m=" + member, Snippets.DetailRunsWithMember, detail], check: false).ExitCode == 0;
}
