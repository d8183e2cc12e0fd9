namespace XsRaid.Hosts;

/// <summary>One key line of a known_hosts file: its 1-based line number, marker, host field and key.</summary>
public sealed record KnownHostsEntry(int LineNumber, KnownHostsMarker Marker, string HostField, SshPublicKey Key)
{
    public bool IsHashed => HostField.StartsWith('|');

    public bool MatchesName(string name) => HostPatternMatch.Matches(HostField, name);

    /// <summary>
    /// Parses one line; null for blank lines, comments and lines OpenSSH would also skip (unknown marker,
    /// missing fields, bad base64, a blob whose type differs from the type field).
    /// </summary>
    public static KnownHostsEntry? TryParse(string line, int lineNumber)
    {
        var fields = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0 || fields[0].StartsWith('#'))
        {
            return null;
        }

        KnownHostsMarker? marker = KnownHostsMarker.None;
        if (fields[0].StartsWith('@'))
        {
            marker = fields[0] switch
            {
                "@revoked" => KnownHostsMarker.Revoked,
                "@cert-authority" => KnownHostsMarker.CertAuthority,
                _ => null,
            };
            fields = fields[1..];
        }

        if (marker is not { } knownMarker || fields.Length < 3)
        {
            return null;
        }

        var key = SshPublicKey.FromOpenSsh(fields[1], fields[2]);
        return key is null ? null : new KnownHostsEntry(lineNumber, knownMarker, fields[0], key);
    }
}
