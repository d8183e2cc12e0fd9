using XsRaid.Tests.Support;

namespace XsRaid.Tests.Formats.Md;

/// <summary>Runs the real mdadm / blkid on an image file, with times printed in UTC like the captures.</summary>
public static class MdadmLive
{
    private static readonly Dictionary<string, string> Utc = new(StringComparer.Ordinal) { ["TZ"] = "UTC" };

    public static string ExamineRaw(string path) => Tool.Run("mdadm", ["--examine", path], env: Utc).Stdout;

    public static MdadmExamineText Examine(string path) => MdadmExamineText.Parse(ExamineRaw(path));

    /// <summary>True when mdadm --examine says there is no md superblock (it exits 1 and says so).</summary>
    public static bool SaysNoSuperblock(string path)
    {
        var result = Tool.Run("mdadm", ["--examine", path], check: false, env: Utc);
        return result.ExitCode == 1 && result.Stderr.Contains("No md superblock detected", StringComparison.Ordinal);
    }

    public static IReadOnlyDictionary<string, string> ExamineExport(string path) =>
        KeyValueText.Parse(Tool.Run("mdadm", ["--examine", "--export", path], env: Utc).Stdout);

    public static IReadOnlyDictionary<string, string> Blkid(string path) =>
        KeyValueText.Parse(Tool.Run("blkid", ["-p", "-o", "export", path]).Stdout);

    /// <summary>
    /// <c>mdadm --examine-bitmap</c> of a member. mdadm reads a regular file as a bitmap file, so the image is
    /// attached read-only to a loop device of our own for the call and detached after.
    /// </summary>
    public static MdadmExamineText ExamineBitmap(string path)
    {
        var loop = Tool.Run("losetup", "--find", "--show", "--read-only", path).Stdout.Trim();
        try
        {
            return MdadmExamineText.Parse(Tool.Run("mdadm", ["--examine-bitmap", loop], env: Utc).Stdout);
        }
        finally
        {
            Tool.Run("losetup", "--detach", loop);
        }
    }
}
