using System.Diagnostics;

namespace XsRaid.Tests.Support;

/// <summary>
/// Runs a real tool (sgdisk, mke2fs, mdadm, ...) for a test. A missing tool fails the test with the
/// Debian package to install: never a quiet skip.
/// </summary>
public static class Tool
{
    private static readonly Dictionary<string, string> PackageOf = new(StringComparer.Ordinal)
    {
        ["sgdisk"] = "gdisk",
        ["mdadm"] = "mdadm",
        ["mke2fs"] = "e2fsprogs",
        ["mkfs.ext3"] = "e2fsprogs",
        ["mkfs.ext4"] = "e2fsprogs",
        ["dumpe2fs"] = "e2fsprogs",
        ["tune2fs"] = "e2fsprogs",
        ["mkswap"] = "util-linux",
        ["mkfs.vfat"] = "dosfstools",
        ["blkid"] = "util-linux",
        ["losetup"] = "mount",
        ["wipefs"] = "util-linux",
        ["pvcreate"] = "lvm2",
        ["vgcreate"] = "lvm2",
        ["pvs"] = "lvm2",
        ["pvck"] = "lvm2",
        ["pvremove"] = "lvm2",
        ["vgremove"] = "lvm2",
        ["vgchange"] = "lvm2",
        ["vgextend"] = "lvm2",
        ["vgreduce"] = "lvm2",
        ["lvcreate"] = "lvm2",
        ["lvremove"] = "lvm2",
        ["sshd"] = "openssh-server",
        ["ssh-keygen"] = "openssh-client",
        ["ssh"] = "openssh-client",
        ["ssh-keyscan"] = "openssh-client",
        ["shellcheck"] = "shellcheck",
        ["bash"] = "bash",
        ["truncate"] = "coreutils",
        ["dd"] = "coreutils",
        ["od"] = "coreutils",
        ["sfdisk"] = "fdisk",
        ["sh"] = "dash",
        ["mount"] = "mount",
        ["umount"] = "mount",
        ["grub-mkimage"] = "grub-common",
        ["grub-bios-setup"] = "grub-pc-bin",
        ["boot.img"] = "grub-pc-bin",
        ["grub-editenv"] = "grub-common",
        ["readlink"] = "coreutils",
        ["env"] = "coreutils",
        ["ls"] = "coreutils",
        ["findmnt"] = "util-linux",
        ["lsblk"] = "util-linux",
        ["swapon"] = "mount",
        ["swapoff"] = "mount",
        ["vgs"] = "lvm2",
        ["mkfifo"] = "coreutils",
        ["kill"] = "procps",
        ["unshare"] = "util-linux",
        ["script"] = "bsdutils",
    };

    /// <summary>Full path of a tool, or an exception naming the Debian package that provides it.</summary>
    public static string Require(string name)
    {
        foreach (var dir in new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/local/bin", "/usr/lib/grub/i386-pc" })
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var package = PackageOf.GetValueOrDefault(name, name);
        throw new InvalidOperationException(
            $"the test needs '{name}', which is not installed: apt-get install {package} (the README's set-up and .ci/run install it)");
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs a tool and returns its output; throws if it exits non-zero (unless <paramref name="check"/> is false).</summary>
    public static Result Run(string name, IEnumerable<string> args, bool check = true, IDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(Require(name))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["LC_ALL"] = "C";
        if (env is not null)
        {
            foreach (var (k, v) in env)
            {
                psi.Environment[k] = v;
            }
        }

        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{name} {string.Join(' ', args)} did not finish in 120 s");
        }

        var result = new Result(p.ExitCode, stdout.Result, stderr.Result);
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{name} {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}{result.Stdout}");
        }

        return result;
    }

    public static Result Run(string name, params string[] args) => Run(name, (IEnumerable<string>)args);
}
