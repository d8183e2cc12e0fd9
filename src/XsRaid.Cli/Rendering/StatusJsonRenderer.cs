using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using XsRaid.Execution;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// `xsraid status --json`: what `status` prints, as data with stable camelCase names; every field is always present
/// (null when not known). Stages, results and array states are lower-case kebab words; times are UTC ("...Z").
/// </summary>
public static class StatusJsonRenderer
{
    public static string Render(ConversionStatus status)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("host", status.HostName);
            w.WriteString("rootDevice", status.RootDevice);
            if (status.Saved is { } saved)
            {
                var plan = saved.Plan;
                w.WriteStartObject("conversion");
                w.WriteString("source", plan.Source.Device);
                w.WriteString("sourceName", plan.Source.BestName);
                w.WriteString("target", plan.Target.Device);
                w.WriteString("targetName", plan.Target.BestName);
                w.WriteString("metadata", plan.Metadata);
                w.WriteString("rootArray", plan.RootArray);
                w.WriteString("started", Time(saved.Started));
                w.WriteString("stage", Kebab(status.Stage.ToString()));
                w.WriteNumber("stepsDone", status.StepsDone);
                w.WriteNumber("stepCount", status.StepCount);
                Entry(w, "lastStep", status, status.Last);
                Entry(w, "stoppedAt", status, status.Stopped);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("conversion");
            }

            w.WriteString("runningCommand", status.RunningCommand);
            w.WriteString("problem", status.Problem);
            w.WriteStartArray("arrays");
            foreach (var a in status.Arrays)
            {
                w.WriteStartObject();
                w.WriteString("name", a.Name);
                w.WriteString("level", a.Level);
                w.WriteStartArray("members");
                foreach (var m in a.Members)
                {
                    w.WriteStringValue(m);
                }

                w.WriteEndArray();
                w.WriteString("disks", a.DiskStatus);
                w.WriteString("state", a.State.ToString().ToLowerInvariant());
                Decimal(w, "percent", a.Percent);
                if (a.SpeedKiBPerSecond is { } speed)
                {
                    w.WriteNumber("speedKiBPerSecond", speed);
                }
                else
                {
                    w.WriteNull("speedKiBPerSecond");
                }

                Decimal(w, "finishMinutes", a.FinishMinutes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Entry(Utf8JsonWriter w, string name, ConversionStatus status, JournalEntry? e)
    {
        if (e is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("step", e.Step);
        w.WriteString("title", status.StepOf(e)?.Title);
        w.WriteString("result", Kebab(e.Result.ToString()));
        w.WriteString("start", Time(e.Start));
        w.WriteString("end", e.End is { } end ? Time(end) : null);
        if (e.Seconds is { } seconds)
        {
            w.WriteNumber("seconds", seconds);
        }
        else
        {
            w.WriteNull("seconds");
        }

        w.WriteString("detail", e.Detail);
        w.WriteString("lastOutputLine", e.Output is { Length: > 0 } output ? output.Split('\n')[^1] : null);
        w.WriteEndObject();
    }

    private static void Decimal(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
