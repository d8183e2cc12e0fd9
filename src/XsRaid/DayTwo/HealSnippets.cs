namespace XsRaid.DayTwo;

/// <summary>The fixed sh snippets of `heal` (and `alerts`): values only as $1, $2, ...</summary>
public static class HealSnippets
{
    /// <summary>
    /// $1 = mdadm.conf, $2.. = arrays: holds when the file has exactly one ARRAY line per array, each naming that
    /// array's UUID (so no array is missing and no stale one is left).
    /// </summary>
    public const string MdadmConfMatches =
        "conf=$1; shift; [ -f \"$conf\" ] || exit 1; n=0; for md in \"$@\"; do " +
        "u=$(mdadm --detail --brief \"$md\" 2>/dev/null | sed -n 's/.*UUID=\\([0-9a-fA-F:]*\\).*/\\1/p'); " +
        "[ -n \"$u\" ] && grep -qi \"UUID=$u\" \"$conf\" || exit 1; n=$((n + 1)); done; [ \"$(grep -c '^ARRAY' \"$conf\")\" -eq \"$n\" ]";

    /// <summary>
    /// $1 = mdadm.conf, $2.. = arrays: rewrites the file's ARRAY lines (and their continuation lines) from the arrays
    /// as md runs them (mdadm --detail --brief); every other line (DEVICE, MAILADDR, PROGRAM, comments) stays.
    /// </summary>
    public const string RewriteArrayLines =
        "conf=$1; shift; mkdir -p \"$(dirname \"$conf\")\" && { [ -f \"$conf\" ] || : > \"$conf\"; } && " +
        "{ awk '/^ARRAY/ {skip=1; next} skip && /^[ \\t]/ {next} {skip=0; print}' \"$conf\" && " +
        "for md in \"$@\"; do mdadm --detail --brief \"$md\" | grep '^ARRAY' || exit 1; done; } > \"$conf.xsraid-new\" && " +
        "mv -f \"$conf.xsraid-new\" \"$conf\"";

    /// <summary>
    /// $1 = the kernel's modules directory (/lib/modules/VERSION), $2 = its initrd, $3 = mdadm.conf, $4.. = the initrd
    /// tool's content check: holds when the kernel is not installed (no modules directory: a name such as XenServer's
    /// 3.10-xen links to a real kernel's files), or its initrd passes the content check and is not older than
    /// mdadm.conf (which it carries).
    /// </summary>
    public const string InitrdAssembles =
        "[ -d \"$1\" ] || exit 0; i=$2; c=$3; shift 3; [ -s \"$i\" ] && ! [ \"$c\" -nt \"$i\" ] && \"$@\"";

    /// <summary>$1 = mdadm.conf, $2 = keyword (MAILADDR, PROGRAM), $3 = value: holds when the file has the line "KEYWORD value".</summary>
    public const string ConfHasLine = "[ -f \"$1\" ] && awk -v k=\"$2\" -v v=\"$3\" '$1 == k && $2 == v && NF == 2 {f=1} END {exit !f}' \"$1\"";

    /// <summary>
    /// $1 = mdadm.conf, $2 = keyword, $3 = value: sets the keyword's line to "KEYWORD value" (the first such line is
    /// replaced, later ones dropped; appended when there is none); every other line stays.
    /// </summary>
    public const string ConfSetLine =
        "conf=$1; mkdir -p \"$(dirname \"$conf\")\" && { [ -f \"$conf\" ] || : > \"$conf\"; } && " +
        "awk -v k=\"$2\" -v v=\"$3\" '$1 == k {if (!d) print k \" \" v; d=1; next} {print} END {if (!d) print k \" \" v}' \"$conf\" > \"$conf.xsraid-new\" && " +
        "mv -f \"$conf.xsraid-new\" \"$conf\"";
}
