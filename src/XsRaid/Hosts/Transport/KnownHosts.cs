using System.Text;

namespace XsRaid.Hosts;

/// <summary>
/// An OpenSSH known_hosts file (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): plain and hashed host fields, the
/// "[host]:port" form for ports other than 22, comma-separated patterns with wildcards and negation, comments,
/// @revoked lines (refuse) and @cert-authority lines (ignored). A missing file is an empty one.
/// </summary>
public sealed class KnownHosts
{
    private readonly List<KnownHostsEntry> _entries;

    private KnownHosts(string path, List<KnownHostsEntry> entries)
    {
        Path = path;
        _entries = entries;
    }

    public string Path { get; }

    public IReadOnlyList<KnownHostsEntry> Entries => _entries;

    /// <summary>The name known_hosts stores for a host: "host" for port 22, "[host]:port" otherwise.</summary>
    public static string NameFor(string host, int port) =>
        port == SshTarget.DefaultPort ? host.ToLowerInvariant() : $"[{host.ToLowerInvariant()}]:{port}";

    /// <summary>Reads <paramref name="path"/>; lines OpenSSH would skip are skipped. I/O errors other than "missing" throw.</summary>
    public static KnownHosts Load(string path)
    {
        var entries = new List<KnownHostsEntry>();
        if (File.Exists(path))
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (KnownHostsEntry.TryParse(line, number) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return new KnownHosts(path, entries);
    }

    /// <summary>
    /// Decides as OpenSSH (9.x, StrictHostKeyChecking) does: an @revoked line with this key → Revoked; a line with
    /// this key → Known; lines for the host with other keys (of any type) → Changed; no line → Unknown, except that
    /// for a port other than 22 a line for the bare host name with this key still counts as Known (OpenSSH's
    /// "found matching key w/out port").
    /// </summary>
    public HostKeyCheck Lookup(string host, int port, SshPublicKey presented)
    {
        var check = LookupName(NameFor(host, port), presented);
        if (check.Status == HostKeyStatus.Unknown && port != SshTarget.DefaultPort)
        {
            var withoutPort = LookupName(NameFor(host, SshTarget.DefaultPort), presented);
            if (withoutPort.Status == HostKeyStatus.Known)
            {
                return withoutPort;
            }
        }

        return check;
    }

    /// <summary>Key types (e.g. "ssh-ed25519") with a usable line for host:port, to ask the host for one of those first.</summary>
    public IReadOnlySet<string> KnownKeyTypes(string host, int port) =>
        UsableLinesFor(NameFor(host, port)).Select(e => e.Key.KeyType).ToHashSet(StringComparer.Ordinal);

    private HostKeyCheck LookupName(string name, SshPublicKey presented)
    {
        var revoked = _entries
            .Where(e => e.Marker == KnownHostsMarker.Revoked && e.Key.Equals(presented) && e.MatchesName(name))
            .ToList();
        if (revoked.Count > 0)
        {
            return new HostKeyCheck(HostKeyStatus.Revoked, presented, revoked, Path);
        }

        var lines = UsableLinesFor(name).ToList();
        var same = lines.Where(e => e.Key.Equals(presented)).ToList();
        if (same.Count > 0)
        {
            return new HostKeyCheck(HostKeyStatus.Known, presented, same, Path);
        }

        return new HostKeyCheck(lines.Count > 0 ? HostKeyStatus.Changed : HostKeyStatus.Unknown, presented, lines, Path);
    }

    private IEnumerable<KnownHostsEntry> UsableLinesFor(string name) =>
        _entries.Where(e => e.Marker == KnownHostsMarker.None && e.MatchesName(name));

    /// <summary>
    /// Appends one OpenSSH line for host:port (hashed like `ssh-keygen -H` when <paramref name="hashed"/>),
    /// creating the file (0600) and its directory (0700) when missing, and returns the new entry.
    /// </summary>
    public KnownHostsEntry Add(string host, int port, SshPublicKey key, bool hashed)
    {
        var name = NameFor(host, port);
        var hostField = hashed ? HostPatternMatch.Hash(name) : name;
        var existing = File.Exists(Path) ? File.ReadAllBytes(Path) : [];
        var lastLineOpen = existing.Length > 0 && existing[^1] != '\n';
        var linesBefore = existing.Count(b => b == (byte)'\n') + (lastLineOpen ? 1 : 0);

        AppendPrivately(Path, $"{(lastLineOpen ? "\n" : "")}{hostField} {key.ToOpenSshString()}\n");

        var entry = new KnownHostsEntry(linesBefore + 1, KnownHostsMarker.None, hostField, key);
        _entries.Add(entry);
        return entry;
    }

    private static void AppendPrivately(string path, string text)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory!);
        }
        else
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
