namespace XsRaid.Hosts.Parsers;

/// <summary>
/// /etc/redhat-release: "XenServer release 6.5.0-90233c (xenenterprise)", "CentOS release 5.11 (Final)",
/// "CentOS Linux release 7.9.2009 (Core)". <see cref="Version"/> is the part before a "-build" suffix,
/// <see cref="Build"/> the suffix, <see cref="Codename"/> the text in parentheses.
/// </summary>
public sealed record RedHatRelease(string Product, string Version, string? Build, string? Codename)
{
    public int? MajorVersion => TextNumbers.Int(Version.Split('.')[0]);
}
