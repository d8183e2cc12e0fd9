using BenchmarkDotNet.Running;

namespace XsRaid.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project bench/XsRaid.Benchmarks -- --filter '*'` runs every benchmark and prints
/// BenchmarkDotNet's table (mean time, ratio to the baseline, allocations).
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
