using System.Text;
using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// The conversion journal: JSON lines kept locally (<see cref="LocalPath"/>) and, unless <see cref="HostState"/> is
/// null, on the host (see <see cref="HostStateLocation"/>). On the host a line is appended by one fixed sh snippet
/// with the line as its argument, wrapped around the command whose outcome it records
/// (<see cref="ExecutionSnippets.JournaledCommand"/>), so journaling adds no round trip to a check.
/// </summary>
public sealed class Journal
{
    private static readonly TimeSpan HostAppendTimeout = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();

    /// <param name="hostState">Where the host keeps its journal, or null for the local file only.</param>
    public Journal(string localPath, HostStateLocation? hostState)
    {
        LocalPath = localPath;
        HostState = hostState;
    }

    public string LocalPath { get; }

    public HostStateLocation? HostState { get; }

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
    /// Runs <paramref name="command"/> on <paramref name="host"/> and, in the same round trip, journals
    /// <paramref name="onSuccess"/> when it exits 0 or <paramref name="onFailure"/> otherwise (either may be null),
    /// on the host and locally. The result's stderr is the command's own; a line the host could not write becomes
    /// <see cref="JournaledResult.Warning"/>.
    /// </summary>
    public async Task<JournaledResult> RunAsync(IHost host, HostCommand command, TimeSpan timeout, JournalEntry? onSuccess, JournalEntry? onFailure, CancellationToken ct)
    {
        var options = new CommandOptions(timeout, command.Stdin is null ? null : Encoding.UTF8.GetBytes(command.Stdin));
        if (HostState is not { } state || (onSuccess is null && onFailure is null))
        {
            var plain = await host.RunAsync(command.Argv, options, ct).ConfigureAwait(false);
            AppendLocal(plain.Succeeded ? onSuccess : onFailure);
            return new JournaledResult(plain, null);
        }

        var result = await host.RunAsync(
            ["sh", "-c", ExecutionSnippets.JournaledCommand, "sh", Line(onSuccess), Line(onFailure), state.Directory, string.Join(':', state.ExtraRoots), .. command.Argv],
            options, ct).ConfigureAwait(false);
        AppendLocal(result.Succeeded ? onSuccess : onFailure);
        var lines = result.Stderr.Split('\n');
        var failed = lines.Where(l => l.StartsWith(ExecutionSnippets.JournalNotWritten, StringComparison.Ordinal)).ToList();
        var warning = failed.Count == 0 ? null : $"the host's journal was not written in {string.Join(", ", failed.Select(l => l[ExecutionSnippets.JournalNotWritten.Length..].Trim()))}";
        return new JournaledResult(result with { Stderr = failed.Count == 0 ? result.Stderr : string.Join('\n', lines.Except(failed)) }, warning);
    }

    /// <summary>
    /// Appends <paramref name="entry"/> on the host (one round trip; not when <paramref name="hostToo"/> is false: the
    /// host is known to be unreachable) and locally, even when the host cannot be reached. Returns null, or what went
    /// wrong on the host (the caller reports it as a warning: the host's state is checked before every step anyway).
    /// </summary>
    public async Task<string?> AppendAsync(IHost host, JournalEntry entry, CancellationToken ct, bool hostToo = true)
    {
        if (!hostToo || HostState is null)
        {
            AppendLocal(entry);
            return null;
        }

        try
        {
            return (await RunAsync(host, HostCommand.Of("true"), HostAppendTimeout, entry, entry, ct).ConfigureAwait(false)).Warning;
        }
        catch (HostConnectionException e)
        {
            AppendLocal(entry);
            return $"the host's journal was not written: {e.Message}";
        }
    }

    private static string Line(JournalEntry? entry) => entry is null ? "" : ExecutionJson.Serialize(entry);

    private void AppendLocal(JournalEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        lock (_gate)
        {
            if (Path.GetDirectoryName(Path.GetFullPath(LocalPath)) is { } dir)
            {
                Directory.CreateDirectory(dir);
            }

            File.AppendAllText(LocalPath, ExecutionJson.Serialize(entry) + "\n", Encoding.UTF8);
        }
    }
}
