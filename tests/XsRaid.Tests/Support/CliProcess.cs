using System.Diagnostics;
using System.Globalization;

namespace XsRaid.Tests.Support;

/// <summary>
/// Runs the built CLI (XsRaid.Cli.dll beside the tests) as a child process, for what needs a process of its own:
/// signals, FIFOs, memory. The run is killed at <c>limit</c> (a hang detector, not a timing test); the peak working
/// set (VmHWM) is sampled from /proc while it runs. Errors are logged under a scratch XDG_STATE_HOME.
/// </summary>
public sealed record CliProcess(int ExitCode, string Stdout, string Stderr, long PeakKiB, TimeSpan Elapsed, bool TimedOut)
{
    public string Output => Stdout + Stderr;

    /// <param name="args">The command line.</param>
    /// <param name="limit">Killed after this long.</param>
    /// <param name="whileRunning">Called with the process id once it started (e.g. to send a signal).</param>
    /// <param name="stateHome">XDG_STATE_HOME for the run (error logs); a scratch directory when null.</param>
    public static CliProcess Run(IEnumerable<string> args, TimeSpan limit, Action<int>? whileRunning = null, string? stateHome = null)
    {
        using var scratch = new TempDir();
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var psi = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "XsRaid.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["XDG_STATE_HOME"] = stateHome ?? scratch.Path;
        psi.Environment["LC_ALL"] = "C";
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, PeakKiBOf(p.Id));
                await Task.Delay(10).ConfigureAwait(false);
            }
        });
        whileRunning?.Invoke(p.Id);
        var timedOut = !p.WaitForExit(limit);
        if (timedOut)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }

        sampling.Cancel();
        sampler.Wait();
        return new CliProcess(p.ExitCode, stdout.Result, stderr.Result, peak, watch.Elapsed, timedOut);
    }

    /// <summary>Sends a signal ("TERM", "INT") to a process.</summary>
    public static void Signal(int pid, string signal) =>
        Tool.Run("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)], check: false);

    private static long PeakKiBOf(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
