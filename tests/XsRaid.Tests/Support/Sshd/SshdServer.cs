using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using XsRaid.Hosts;

namespace XsRaid.Tests.Support.Sshd;

/// <summary>
/// A real OpenSSH sshd for tests, as a child process: generated host key(s) and client key (ssh-keygen),
/// a temporary sshd_config on a free port of 127.0.0.1, root login by key only. <see cref="Stop"/> kills it and
/// every session it forked (as a crash or reboot would); <see cref="Start"/> brings it back on the same port.
/// The tests run as root, so the client logs in as root.
/// </summary>
public sealed class SshdServer : IDisposable
{
    private static readonly TimeSpan StartupLimit = TimeSpan.FromSeconds(15);

    private readonly TempDir _dir = new();
    private readonly StringBuilder _log = new();
    private readonly string[] _hostKeyTypes;
    private Process? _process;

    /// <param name="hostKeyTypes">ssh-keygen -t values, e.g. "ed25519", "rsa"; sshd offers them all. Default: ed25519.</param>
    public SshdServer(params string[] hostKeyTypes)
    {
        _hostKeyTypes = hostKeyTypes.Length == 0 ? ["ed25519"] : hostKeyTypes;
        Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation directory
        GenerateHostKeys();
        ClientKey = GenerateKey("client_ed25519", "ed25519");
        File.WriteAllText(AuthorizedKeysFile, File.ReadAllText(ClientKey + ".pub"));
        StartOnAFreePort();
    }

    public int Port { get; private set; }

    /// <summary>Scratch directory for this server's files; tests may put their own files (known_hosts) here.</summary>
    public string ScratchDirectory => _dir.Path;

    /// <summary>An ed25519 private key whose public half is authorized for root.</summary>
    public string ClientKey { get; }

    public string AuthorizedKeysFile => _dir.File("authorized_keys");

    public string ConfigFile => _dir.File("sshd_config");

    public SshTarget Target => new("root", "127.0.0.1", Port);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What sshd wrote to stderr (-e), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public string HostKeyFile(string type = "ed25519") => _dir.File($"ssh_host_{type}_key");

    /// <summary>"ssh-ed25519 AAAA..." of a host key, from its .pub file.</summary>
    public string HostPublicKey(string type = "ed25519")
    {
        var fields = File.ReadAllText(HostKeyFile(type) + ".pub").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return $"{fields[0]} {fields[1]}";
    }

    /// <summary>The fingerprint as `ssh-keygen -lf` prints it for the host key's .pub file.</summary>
    public string HostKeyFingerprint(string type = "ed25519") => FingerprintOf(HostKeyFile(type) + ".pub");

    /// <summary>"[127.0.0.1]:port ssh-ed25519 AAAA..." for a known_hosts file.</summary>
    public string KnownHostsLine(string type = "ed25519") => $"[127.0.0.1]:{Port} {HostPublicKey(type)}";

    /// <summary>Writes a known_hosts file with <paramref name="lines"/> into the scratch directory and returns its path.</summary>
    public string WriteKnownHosts(string name, params string[] lines)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, lines.Length == 0 ? "" : string.Join('\n', lines) + "\n");
        return path;
    }

    public SshOptions Options(string knownHostsFile, bool acceptNewHostKey = false, string? identityFile = null, TimeSpan? commandTimeout = null) =>
        new(Target, identityFile ?? ClientKey, knownHostsFile, acceptNewHostKey, TimeSpan.FromSeconds(10), commandTimeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Connects with the client key, trusting this server's ed25519 host key (a known_hosts file in <paramref name="dir"/>).</summary>
    public async Task<SshHost> ConnectAsync(TempDir dir)
    {
        var knownHosts = dir.File("known_hosts");
        await File.WriteAllTextAsync(knownHosts, KnownHostsLine() + "\n");
        return await SshHost.ConnectAsync(Options(knownHosts), CancellationToken.None);
    }

    /// <summary>Generates a new key pair of <paramref name="type"/> in the scratch directory; returns the private key path.</summary>
    public string GenerateKey(string name, string type)
    {
        var path = _dir.File(name);
        Tool.Run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", $"xsraid-test-{name}", "-f", path);
        return path;
    }

    /// <summary>Adds a public key file to root's authorized keys here.</summary>
    public void Authorize(string privateKeyPath) =>
        File.AppendAllText(AuthorizedKeysFile, File.ReadAllText(privateKeyPath + ".pub"));

    /// <summary>`ssh-keygen -lf FILE` → "SHA256:...".</summary>
    public static string FingerprintOf(string publicKeyFile) =>
        Tool.Run("ssh-keygen", "-lf", publicKeyFile).Stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

    /// <summary>Replaces every host key with a new one (as a reinstall would); takes effect at the next <see cref="Start"/>.</summary>
    public void ReplaceHostKeys()
    {
        foreach (var type in _hostKeyTypes)
        {
            File.Delete(HostKeyFile(type));
            File.Delete(HostKeyFile(type) + ".pub");
        }

        GenerateHostKeys();
    }

    /// <summary>Starts sshd -D -e and waits until the port accepts connections.</summary>
    public void Start()
    {
        if (IsRunning)
        {
            return;
        }

        var info = new ProcessStartInfo(Tool.Require("sshd"))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var arg in new[] { "-D", "-e", "-f", ConfigFile })
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        _process = process;
        WaitUntilListening();
    }

    /// <summary>Kills sshd and all its sessions (and their commands) at once, as a crash or power cut would.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        _dir.Dispose();
    }

    // The port is free when picked but another process may take it before sshd binds it: then pick again.
    private void StartOnAFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            File.WriteAllText(ConfigFile, Config());
            try
            {
                Start();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && Log.Contains("Address already in use", StringComparison.Ordinal))
            {
                Stop();
            }
        }
    }

    private void GenerateHostKeys()
    {
        foreach (var type in _hostKeyTypes)
        {
            Tool.Run("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "xsraid-test-host", "-f", HostKeyFile(type));
        }
    }

    private string Config()
    {
        var config = new StringBuilder();
        config.AppendLine($"Port {Port}");
        config.AppendLine("ListenAddress 127.0.0.1");
        config.AppendLine("UsePAM no");
        config.AppendLine("PermitRootLogin prohibit-password");
        config.AppendLine("PasswordAuthentication no");
        config.AppendLine("KbdInteractiveAuthentication no");
        config.AppendLine($"AuthorizedKeysFile {AuthorizedKeysFile}");
        config.AppendLine("StrictModes no");
        config.AppendLine($"PidFile {_dir.File("sshd.pid")}");
        // Sessions get this server's own (empty) directory as HOME, so the machine's ~root/.bashrc (which bash reads
        // for commands sshd starts) does not run with every test command: this machine's runs `pyenv init`, whose
        // rehash lock made commands wait 60 s while several test runs shared the machine.
        config.AppendLine($"SetEnv HOME={_dir.Path}");
        foreach (var type in _hostKeyTypes)
        {
            config.AppendLine($"HostKey {HostKeyFile(type)}");
        }

        return config.ToString();
    }

    private void WaitUntilListening()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < StartupLimit)
        {
            if (_process!.HasExited)
            {
                _process.WaitForExit(); // lets the stderr reader reach the end, so the log is complete
                throw new InvalidOperationException($"sshd exited with {_process.ExitCode} at start: {Log}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new TimeoutException($"sshd did not listen on 127.0.0.1:{Port} within {StartupLimit.TotalSeconds} s: {Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
