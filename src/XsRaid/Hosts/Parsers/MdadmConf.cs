namespace XsRaid.Hosts.Parsers;

/// <summary>
/// What mdadm.conf says about the arrays and alerting: its ARRAY lines, MAILADDR addresses and PROGRAM path
/// (mdadm --monitor needs one of those two or it reports nothing).
/// </summary>
public sealed record MdadmConf(
    IReadOnlyList<MdadmConfArray> Arrays,
    IReadOnlyList<string> MailAddresses,
    string? Program)
{
    public bool HasAlerting => MailAddresses.Count > 0 || Program is not null;
}
