namespace XsRaid.Execution;

/// <summary>
/// The fixed POSIX sh snippets the executor itself runs (journal, saved plan, boot facts). As with the planner's
/// snippets, every value reaches them as a positional argument or on standard input, never spliced into their text.
/// Each runs on CentOS 5 (bash 3) and Debian (dash).
/// </summary>
public static class ExecutionSnippets
{
    /// <summary>The line that separates the saved plan from the journal in <see cref="ReadState"/>'s output.</summary>
    public const string JournalMarker = "@@xsraid-journal@@";

    /// <summary>What <see cref="JournaledCommand"/> prints on stderr when a journal line could not be written.</summary>
    public const string JournalNotWritten = "xsraid-journal: not written:";

    /// <summary>
    /// $1 = a JSON line to append when the command exits 0 (or empty), $2 = one to append when it does not (or
    /// empty), $3 = state directory, $4 = extra roots separated by ':', $5.. = the command. Runs the command (standard
    /// input passes through to it), then appends the line to $3/journal.jsonl on the running root and under each
    /// extra root that is a mount point right now (the new root while it is mounted), and exits with the command's
    /// status. So a check and its journal line cost one round trip. A line that cannot be written is reported on
    /// stderr after <see cref="JournalNotWritten"/>, without changing the exit status.
    /// </summary>
    public const string JournaledCommand =
        "ok=$1; bad=$2; dir=$3; roots=$4; shift 4; \"$@\"; rc=$?; line=$bad; [ $rc -eq 0 ] && line=$ok; " +
        "if [ -n \"$line\" ]; then set -f; old=$IFS; IFS=:; set -- $roots; IFS=$old; for r in '' \"$@\"; do " +
        "[ -z \"$r\" ] || awk -v m=\"$r\" '$2 == m {f=1} END {exit !f}' /proc/mounts || continue; " +
        "{ mkdir -p \"$r$dir\" && printf '%s\\n' \"$line\" >> \"$r$dir/journal.jsonl\"; } 2>/dev/null || echo \"" + JournalNotWritten + " $r$dir\" >&2; " +
        "done; fi; exit $rc";

    /// <summary>$1 = state directory: writes standard input to $1/plan.json (through a temporary file and a rename).</summary>
    public const string SavePlan =
        "mkdir -p \"$1\" && cat > \"$1/plan.json.xsraid-new\" && mv -f \"$1/plan.json.xsraid-new\" \"$1/plan.json\"";

    /// <summary>$1 = state directory: prints plan.json (if any), the marker line, then journal.jsonl (if any).</summary>
    public const string ReadState =
        "[ -f \"$1/plan.json\" ] && cat \"$1/plan.json\"; echo; echo '" + JournalMarker + "'; " +
        "[ -f \"$1/journal.jsonl\" ] && cat \"$1/journal.jsonl\"; exit 0";

    /// <summary>
    /// $1.. = the plan's "one-shot still armed" check (or nothing): what can be learned about the current boot, one
    /// "key value" line each (btime, cmdline, root, once: the check's exit 0 pending, 1 clear, else unknown), then the
    /// previous boot's log tail after a "previous-boot" line.
    /// </summary>
    public const string BootFacts =
        "echo \"btime $(awk '/^btime/ {print $2}' /proc/stat)\"; echo \"cmdline $(cat /proc/cmdline)\"; " +
        "echo \"root $(awk '$2 == \"/\" {d=$1} END {print d}' /proc/mounts)\"; " +
        "if [ $# -eq 0 ]; then echo 'once unknown'; else \"$@\" </dev/null >/dev/null 2>&1; " +
        "case $? in 0) echo 'once pending';; 1) echo 'once clear';; *) echo 'once unknown';; esac; fi; " +
        "if command -v journalctl >/dev/null 2>&1; then echo previous-boot; journalctl -b -1 -n 25 --no-pager -q 2>&1 | tail -n 25; fi; exit 0";

    /// <summary>The name (<c>$0</c>) <see cref="StepCommand"/> runs under.</summary>
    public const string StepCommandName = "xsraid-step";

    /// <summary>
    /// $1 = pid file, $2.. = a step's command: records its own pid in $1, runs the command, waits for it, removes $1
    /// and exits with the command's status. The wrapper lives exactly as long as the command: a TERM, INT or HUP it
    /// gets (from someone on the host; SSH.NET sends none when xsraid cancels, it closes the channel) is passed on to
    /// the command and the wrapper waits on. When xsraid dies, is interrupted or loses the connection the command
    /// goes on running on the host, and
    /// <see cref="RunningStepCommand"/> finds it. The command runs in the background of the wrapper (so that the
    /// wrapper can pass signals on); fd 3 carries the wrapper's standard input to it, which a background command
    /// would otherwise lose to /dev/null. A signal that comes before the command's pid is known is passed on as soon
    /// as it is ($t). Best effort: dash can lose a signal that reaches the command between its fork and its exec;
    /// the command then runs to its own end, and the wrapper with it.
    /// </summary>
    public const string StepCommand =
        "f=$1; shift; c=; t=; trap 't=1; [ -z \"$c\" ] || kill -TERM \"$c\" 2>/dev/null' TERM INT HUP; echo $$ > \"$f\" 2>/dev/null; " +
        "exec 3<&0; \"$@\" <&3 3<&- & c=$!; exec 3<&-; [ -z \"$t\" ] || kill -TERM \"$c\" 2>/dev/null; " +
        "wait \"$c\"; rc=$?; while kill -0 \"$c\" 2>/dev/null; do wait \"$c\"; rc=$?; done; rm -f \"$f\"; exit $rc";

    /// <summary>
    /// $1 = pid file: when the process it names is alive and is a <see cref="StepCommand"/> of that file (its $0 and
    /// $1 say so), prints its pid and the command it runs on one line; else prints nothing: the file is stale (left
    /// by a reboot, or naming a process that has ended or another one; the next wrapper overwrites it). Read-only.
    /// </summary>
    public const string RunningStepCommand =
        "f=$1; [ -f \"$f\" ] || exit 0; p=$(cat \"$f\" 2>/dev/null); " +
        "case $p in ''|*[!0-9]*) exit 0;; esac; " +
        "a=$(tr '\\000' '\\n' 2>/dev/null < \"/proc/$p/cmdline\" | sed -n '4p;5p' | tr '\\n' ' '); " +
        "if [ \"$p\" != \"$$\" ] && [ \"$a\" = \"" + StepCommandName + " $f \" ]; then " +
        "echo \"$p $(tr '\\000' '\\n' 2>/dev/null < \"/proc/$p/cmdline\" | sed -n '6,$p' | tr '\\n' ' ' | cut -c 1-300)\"; " +
        "fi; exit 0";

    /// <summary>$1 = the new root's mount point: `df -P -k` of / and of it (used KiB of each), for copy progress.</summary>
    public const string CopySizes = "df -P -k / \"$1\" 2>/dev/null | awk 'NR > 1 {print $3, $6}'";

    /// <summary>Every LV's attributes, size in bytes and copy percentage (a pvmove LV's attributes start with 'p').</summary>
    public static readonly string[] LvCopyPercent =
        ["lvs", "-a", "--noheadings", "--units", "b", "--nosuffix", "--separator", "|", "-o", "lv_attr,lv_size,copy_percent"];
}
