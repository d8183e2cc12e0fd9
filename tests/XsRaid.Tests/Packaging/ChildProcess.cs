using System.Diagnostics;

namespace XsRaid.Tests.Packaging;

/// <summary>Runs any program (dotnet, the installed tool, the single file) for the packaging tests, with a time limit.</summary>
public static class ChildProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Took)
    {
        public Result ShouldSucceed(string what)
        {
            ExitCode.ShouldBe(0, $"{what} exited {ExitCode}:\n{Stderr}\n{Stdout}");
            return this;
        }
    }

    /// <summary>
    /// Runs <paramref name="path"/>. The environment is this process's minus MSBuild's variables (a test runs under
    /// `dotnet test`, whose MSBuild must not leak into a nested build), plus <paramref name="env"/>.
    /// </summary>
    public static Result Run(string path, IEnumerable<string> args, string? workingDirectory = null,
        IDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            psi.Environment.Remove(key);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var limit = timeout ?? TimeSpan.FromMinutes(2);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{path} {string.Join(' ', psi.ArgumentList)} did not finish in {limit}");
        }

        p.WaitForExit();
        return new Result(p.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    /// <summary>`dotnet ARGS` in the repository root, for up to 15 minutes.</summary>
    public static Result Dotnet(params string[] args) =>
        Run("dotnet", args, Repository.Root, timeout: TimeSpan.FromMinutes(15));
}
