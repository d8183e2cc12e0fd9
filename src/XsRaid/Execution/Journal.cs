using System.Text;
using XsRaid.Hosts;

namespace XsRaid.Execution;

/// <summary>
/// The conversion journal: JSON lines kept locally (<see cref="LocalPath"/>) and on the host (see
/// <see cref="HostStateLocation"/>), one line appended per event, by one fixed sh snippet with the line as its argument.
/// The local file is written first, so it holds every line even when the host cannot be reached.
/// </summary>
public sealed class Journal
{
    private static readonly TimeSpan HostAppendTimeout = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private readonly IHost? _host;
    private readonly HostStateLocation _location;

    /// <param name="host">The host whose journal gets the lines too, or null for the local file only.</param>
    public Journal(string localPath, IHost? host, HostStateLocation location)
    {
        LocalPath = localPath;
        _host = host;
        _location = location;
    }

    public string LocalPath { get; }

    /// <summary>~/.local/state/xsraid/HOST/journal.jsonl ($XDG_STATE_HOME is honoured), HOST made safe as a file name.</summary>
    public static string DefaultPath(string hostName)
    {
        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        var safe = new string([.. hostName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '@' ? c : '_')]);
        return Path.Combine(state, "xsraid", safe, "journal.jsonl");
    }

    /// <summary>The journal lines of a text; lines that are not journal lines (a torn last line) are left out.</summary>
    public static IReadOnlyList<JournalEntry> Parse(string text) =>
        [.. text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => ExecutionJson.ParseEntry(l.Trim())).OfType<JournalEntry>()];

    public static IReadOnlyList<JournalEntry> ReadLocal(string path) => File.Exists(path) ? Parse(File.ReadAllText(path)) : [];

    /// <summary>
    /// Appends <paramref name="entry"/> locally, then (unless <paramref name="hostToo"/> is false: the host is known to
    /// be unreachable) on the host. Returns null, or what went wrong on the host (the caller reports it as a warning:
    /// the host's state is checked before every step anyway).
    /// </summary>
    public async Task<string?> AppendAsync(JournalEntry entry, CancellationToken ct, bool hostToo = true)
    {
        var line = ExecutionJson.Serialize(entry);
        lock (_gate)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(LocalPath)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            File.AppendAllText(LocalPath, line + "\n", Encoding.UTF8);
        }

        if (_host is null || !hostToo)
        {
            return null;
        }

        try
        {
            var result = await _host.RunAsync(
                ["sh", "-c", ExecutionSnippets.JournalAppend, "sh", line, _location.Directory, .. _location.ExtraRoots],
                new CommandOptions(HostAppendTimeout), ct).ConfigureAwait(false);
            return result.Succeeded ? null : $"the host's journal in {_location.Directory} was not written (exit {result.ExitCode}): {OutputTail.Of(result.Stderr, 3)}";
        }
        catch (HostConnectionException e)
        {
            return $"the host's journal was not written: {e.Message}";
        }
    }
}
