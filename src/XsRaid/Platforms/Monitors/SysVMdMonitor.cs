using XsRaid.Planning;

namespace XsRaid.Platforms.Monitors;

/// <summary>mdadm's monitor as a SysV init script managed by chkconfig and service (CentOS 5, XenServer 6.x dom0: mdmonitor).</summary>
public sealed class SysVMdMonitor(string script) : IMdMonitor
{
    /// <summary>$1 = script: holds when chkconfig starts it in runlevel 3 (XenServer's).</summary>
    public const string IsEnabled = "chkconfig --list \"$1\" 2>/dev/null | grep -q '3:on'";

    public string Name => script;

    public HostCommand Enable => HostCommand.Of("chkconfig", script, "on");

    public HostCommand Restart => HostCommand.Of("service", script, "restart");

    public HostCheck Enabled => new($"{script} starts at boot (chkconfig)", HostCommand.Sh(IsEnabled, script));

    public HostCheck Running => new($"{script} runs", HostCommand.Of("service", script, "status"));
}
