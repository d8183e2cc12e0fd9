namespace XsRaid.Cli;

public static class Program
{
    public static int Main(string[] args) => CliApp.Run(args, CliIo.ForProcess());
}
