namespace XsRaid.Hosts;

/// <summary>Marks a side task's failure as seen, for tasks whose outcome no longer matters (the command already failed).</summary>
internal static class TaskObservation
{
    public static void Observe(this Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
