using System.Text.RegularExpressions;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Md;

/// <summary>One md member image of the fixtures (md/&lt;case&gt;/member-&lt;n&gt;.img.gz) and the tool output captured for it.</summary>
public sealed partial record MdFixtureMember(string Case, int Index)
{
    public string Dir => $"md/{Case}";

    public string Image => $"{Dir}/member-{Index}.img.gz";

    public MdadmExamineText CapturedExamine => MdadmExamineText.Parse(Fixtures.Text($"{Dir}/examine-{Index}.txt"));

    public IReadOnlyDictionary<string, string> CapturedExport => KeyValueText.Parse(Fixtures.Text($"{Dir}/examine-export-{Index}.txt"));

    public IReadOnlyDictionary<string, string> CapturedBlkid => KeyValueText.Parse(Fixtures.Text($"{Dir}/blkid-p-export-{Index}.txt"));

    public override string ToString() => $"{Case}/member-{Index}";

    /// <summary>Every member image under Fixtures/md, found on disk (not listed by hand).</summary>
    public static IReadOnlyList<MdFixtureMember> All() =>
        Directory.EnumerateFiles(Fixtures.PathOf("md"), "member-*.img.gz", SearchOption.AllDirectories)
            .Select(path => new MdFixtureMember(
                Path.GetFileName(Path.GetDirectoryName(path)!),
                int.Parse(MemberNumber().Match(Path.GetFileName(path)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(m => m.Case, StringComparer.Ordinal).ThenBy(m => m.Index)
            .ToList();

    public static TheoryData<string, int> Theory()
    {
        var data = new TheoryData<string, int>();
        foreach (var member in All())
        {
            data.Add(member.Case, member.Index);
        }

        return data;
    }

    [GeneratedRegex(@"^member-(\d+)\.img\.gz$")]
    private static partial Regex MemberNumber();
}
