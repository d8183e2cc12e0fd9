using System.Globalization;

namespace XsRaid.Execution;

/// <summary>
/// The full local log of a run: every command with its exit code, duration and output, and every event, each
/// line stamped with the UTC time. Thread-safe (progress pollers write beside the steps); flushed line by line so
/// it survives a kill.
/// </summary>
public sealed class ConvertLog : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TextWriter _writer;

    public ConvertLog(TextWriter writer)
    {
        _writer = writer;
    }

    /// <summary>Opens (appends to) <paramref name="path"/>, creating its directory.</summary>
    public static ConvertLog Open(string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } dir)
        {
            Directory.CreateDirectory(dir);
        }

        return new ConvertLog(new StreamWriter(path, append: true) { AutoFlush = true });
    }

    public void Write(string text)
    {
        var stamp = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            foreach (var line in text.TrimEnd('\n').Split('\n'))
            {
                _writer.Write(stamp);
                _writer.Write(' ');
                _writer.WriteLine(line);
            }
        }
    }

    public void Dispose() => _writer.Dispose();
}
