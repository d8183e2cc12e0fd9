namespace XsRaid.DayTwo;

/// <summary>The fixed sh snippets of `replace` (values only as $1, $2, ...), beside the conversion's <see cref="Planning.Snippets"/>.</summary>
public static class ReplaceSnippets
{
    /// <summary>$1 = array, $2 = member: marks it failed (if md has not already) and removes it from the array.</summary>
    public const string FailAndRemove = "mdadm \"$1\" --fail \"$2\" >/dev/null 2>&1; mdadm \"$1\" --remove \"$2\"";

    /// <summary>$1 = array, $2 = member: holds when the array runs and does not list that member (in any state).</summary>
    public const string ArrayLacksMember =
        "s=$(mdadm --detail \"$1\" 2>/dev/null) || exit 1; echo \"$s\" | awk -v m=\"$2\" '$NF == m {f=1} END {exit f}'";

    /// <summary>$1 = array: removes members whose device is gone (a disk pulled out); holds when no faulty or detached one is left.</summary>
    public const string RemoveDetached =
        "mdadm \"$1\" --fail detached >/dev/null 2>&1; mdadm \"$1\" --remove detached >/dev/null 2>&1; mdadm \"$1\" --remove failed >/dev/null 2>&1; " +
        "! mdadm --detail \"$1\" 2>/dev/null | grep -q 'faulty'";

    /// <summary>$1 = array: holds when `mdadm --detail` lists no faulty member.</summary>
    public const string NoFaultyMember = "s=$(mdadm --detail \"$1\" 2>/dev/null) || exit 1; ! echo \"$s\" | grep -q 'faulty'";
}
