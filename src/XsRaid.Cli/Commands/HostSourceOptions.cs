using System.CommandLine;
using XsRaid.Formats;
using XsRaid.Hosts;
using XsRaid.Hosts.Snapshot;

namespace XsRaid.Cli.Commands;

/// <summary>
/// The options that name a host wherever one is expected: a live one (--host over SSH, --local), or a snapshot of
/// one (--snapshot DIR, --probe-output FILE, --sample NAME). Exactly one is given.
/// </summary>
public sealed class HostSourceOptions
{
    public Option<string?> Host { get; } = new("--host") { Description = "[user@]host[:port] to reach over SSH (user root, port 22 by default)" };

    public Option<string?> Identity { get; } = new("--identity") { Description = "SSH private key file (default: ~/.ssh/id_ed25519, id_rsa, id_ecdsa)" };

    public Option<string?> KnownHosts { get; } = new("--known-hosts") { Description = "OpenSSH known_hosts file (default ~/.ssh/known_hosts)" };

    public Option<bool> AcceptNewHostKey { get; } = new("--accept-new-host-key") { Description = "Record the host key of a host seen for the first time (a changed key is always refused)" };

    public Option<bool> Local { get; } = new("--local") { Description = "Probe this machine itself" };

    public Option<string?> Snapshot { get; } = new("--snapshot") { Description = "A directory written by `xsraid snapshot --save DIR`" };

    public Option<string?> ProbeOutput { get; } = new("--probe-output") { Description = "A file holding the probe script's output (what `snapshot` reads from a host)" };

    public Option<string?> Sample { get; } = new("--sample") { Description = $"A built-in sample host: {string.Join(", ", SnapshotSources.SampleNames)}" };

    /// <summary>Adds the options; with <paramref name="required"/> false, naming no host at all is allowed too.</summary>
    public void AddTo(Command command, bool required = true)
    {
        Host.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && SshTarget.Parse(result.Tokens[0].Value) is { IsOk: false } target)
            {
                result.AddError($"--host: {target.Error.Problem}");
            }
        });

        foreach (var option in new Option[] { Host, Identity, KnownHosts, AcceptNewHostKey, Local, Snapshot, ProbeOutput, Sample })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var given = new[] { Host.Name, Local.Name, Snapshot.Name, ProbeOutput.Name, Sample.Name }
                .Where(name => result.Children.Any(c => c is System.CommandLine.Parsing.OptionResult o && o.Option.Name == name && !o.Implicit))
                .ToList();
            if (given.Count > 1 || (required && given.Count == 0))
            {
                result.AddError(given.Count == 0
                    ? "name a host: --host, --local, --snapshot DIR, --probe-output FILE or --sample NAME"
                    : $"name one host, not {string.Join(" and ", given)}");
            }
        });
    }

    /// <summary>
    /// Adds the options for a command that acts on a live host (convert, status): the snapshot sources are hidden,
    /// and naming one is refused with "COMMAND <paramref name="needs"/> a live host: ...".
    /// </summary>
    public void AddLiveHostTo(Command command, string needs)
    {
        AddTo(command);
        Option[] snapshotOnly = [Snapshot, ProbeOutput, Sample];
        foreach (var option in snapshotOnly)
        {
            option.Hidden = true;
        }

        command.Validators.Add(r =>
        {
            if (snapshotOnly.Any(o => r.GetResult(o) is { Implicit: false }))
            {
                r.AddError($"{command.Name} {needs} a live host: --host [user@]host[:port] or --local");
            }
        });
    }

    public bool IsGiven(ParseResult parse) =>
        parse.GetValue(Host) is not null || parse.GetValue(Local) || parse.GetValue(Snapshot) is not null
        || parse.GetValue(ProbeOutput) is not null || parse.GetValue(Sample) is not null;

    public bool IsGiven(System.CommandLine.Parsing.CommandResult result) =>
        result.GetValue(Host) is not null || result.GetValue(Local) || result.GetValue(Snapshot) is not null
        || result.GetValue(ProbeOutput) is not null || result.GetValue(Sample) is not null;

    /// <summary>Takes or loads the snapshot; on failure prints one line and returns the exit code.</summary>
    public async Task<(HostSnapshot? Snapshot, int ExitCode)> AcquireAsync(ParseResult parse, CliIo io, CancellationToken ct)
    {
        ReadResult<HostSnapshot> result;
        string what;
        if (parse.GetValue(Snapshot) is { } dir)
        {
            (what, result) = (dir, SnapshotSources.FromDirectory(dir));
        }
        else if (parse.GetValue(ProbeOutput) is { } file)
        {
            (what, result) = (file, SnapshotSources.FromProbeOutput(file));
        }
        else if (parse.GetValue(Sample) is { } sample)
        {
            (what, result) = ("sample " + sample, SnapshotSources.FromSample(sample));
        }
        else
        {
            try
            {
                using var host = await ConnectAsync(parse, ct).ConfigureAwait(false);
                what = host.Name;
                var probe = SnapshotSources.FromHostAsync(host, ct);
                if (await Task.WhenAny(probe, Task.Delay(InputLimits.SlowProbeNotice, ct)).ConfigureAwait(false) != probe && !ct.IsCancellationRequested)
                {
                    io.Error.WriteLine($"xsraid: probing {host.Name} (read-only, one command; it may take up to {InputLimits.ProbeTime.TotalMinutes:0} min)...");
                }

                result = await probe.ConfigureAwait(false);
            }
            catch (HostConnectionException e)
            {
                io.Error.WriteLine($"xsraid: {e.Message}");
                return (null, e is HostKeyChangedException or HostKeyUnknownException or HostKeyRevokedException ? ExitCodes.Refused : ExitCodes.Failure);
            }
        }

        if (!result.IsOk)
        {
            var error = result.Error;
            io.Error.WriteLine(error.Structure == what ? $"xsraid: {what}: {error.Problem}" : $"xsraid: {what}: {error}");
            return (null, ExitCodes.Failure);
        }

        return (result.Value, ExitCodes.Ok);
    }

    /// <summary>The live host: SSH when --host is given, this machine with --local.</summary>
    public async Task<IHost> ConnectAsync(ParseResult parse, CancellationToken ct)
    {
        if (parse.GetValue(Local))
        {
            return new LocalHost(TimeSpan.FromMinutes(30));
        }

        var text = parse.GetValue(Host) ?? throw new InvalidOperationException("no host named");
        var target = SshTarget.Parse(text);
        if (!target.IsOk)
        {
            throw new HostConnectionException(text, target.Error.Problem);
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var options = new SshOptions(
            target.Value,
            parse.GetValue(Identity),
            parse.GetValue(KnownHosts) ?? Path.Combine(home, ".ssh", "known_hosts"),
            parse.GetValue(AcceptNewHostKey),
            TimeSpan.FromSeconds(20),
            TimeSpan.FromMinutes(30));
        return await SshHost.ConnectAsync(options, ct).ConfigureAwait(false);
    }
}
