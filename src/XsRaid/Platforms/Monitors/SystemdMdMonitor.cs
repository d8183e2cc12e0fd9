using XsRaid.Planning;

namespace XsRaid.Platforms.Monitors;

/// <summary>
/// mdadm's monitor as a systemd unit (Debian: mdmonitor.service). Debian ships it without an [Install] section
/// ("static": started with the arrays), which counts as enabled.
/// </summary>
public sealed class SystemdMdMonitor(string unit) : IMdMonitor
{
    /// <summary>$1 = unit: holds when systemd starts it at boot (enabled, or static / indirect: pulled in by others).</summary>
    public const string IsEnabled = "s=$(systemctl is-enabled \"$1\" 2>/dev/null); case \"$s\" in enabled|enabled-runtime|static|indirect|alias) exit 0;; esac; exit 1";

    /// <summary>$1 = unit: enables it unless systemd already starts it (a static unit cannot be enabled and need not be).</summary>
    public const string EnableUnit = "systemctl enable \"$1\" 2>/dev/null || [ \"$(systemctl is-enabled \"$1\" 2>/dev/null)\" = static ]";

    public string Name => unit;

    public HostCommand Enable => HostCommand.Sh(EnableUnit, unit);

    public HostCommand Restart => HostCommand.Of("systemctl", "restart", unit);

    public HostCheck Enabled => new($"{unit} starts at boot", HostCommand.Sh(IsEnabled, unit));

    public HostCheck Running => new($"{unit} runs", HostCommand.Of("systemctl", "is-active", "--quiet", unit));
}
