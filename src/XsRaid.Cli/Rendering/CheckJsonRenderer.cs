using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using XsRaid.Health;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// `xsraid check --json`: the verdict, summary and perfdata of the first line, every array and every finding, with
/// stable camelCase names; every field is always present (null when not known). States are lower-case words.
/// </summary>
public static class CheckJsonRenderer
{
    public static string Render(CheckReport report)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("host", report.HostName);
            w.WriteString("probedAt", report.ProbedAt);
            w.WriteString("state", report.State.ToString().ToLowerInvariant());
            w.WriteNumber("exitCode", (int)report.State);
            w.WriteString("summary", report.Summary);
            w.WriteString("perfdata", CheckPerfdata.Format(report));
            w.WriteStartArray("arrays");
            foreach (var a in report.Arrays)
            {
                WriteArray(w, a);
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in CheckTextRenderer.Ordered(report.Findings))
            {
                w.WriteStartObject();
                w.WriteString("state", f.State.ToString().ToLowerInvariant());
                w.WriteString("code", f.Code);
                w.WriteString("subject", f.Subject);
                w.WriteString("summary", f.Short);
                w.WriteString("message", f.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteArray(Utf8JsonWriter w, ArrayCondition a)
    {
        w.WriteStartObject();
        w.WriteString("name", a.Name);
        w.WriteString("level", a.Health.Level);
        w.WriteString("state", a.Health.State.ToString().ToLowerInvariant());
        w.WriteStartArray("members");
        foreach (var m in a.Health.Members)
        {
            w.WriteStringValue(m);
        }

        w.WriteEndArray();
        Number(w, "raidDisks", a.RaidDisks);
        Number(w, "inSyncDisks", a.InSyncDisks);
        w.WriteNumber("failedDisks", a.FailedDisks);
        Number(w, "spareDisks", a.SpareDisks);
        w.WriteBoolean("degraded", a.Degraded);
        w.WriteBoolean("redundant", a.Redundant);
        w.WriteString("syncAction", a.SyncAction);
        if (a.Health.Percent is { } percent)
        {
            w.WriteNumber("syncPercent", percent);
        }
        else
        {
            w.WriteNull("syncPercent");
        }

        if (a.Health.FinishMinutes is { } minutes)
        {
            w.WriteNumber("finishMinutes", minutes);
        }
        else
        {
            w.WriteNull("finishMinutes");
        }

        Number(w, "mismatchCount", a.MismatchCount);
        if (a.HasBitmap is { } bitmap)
        {
            w.WriteBoolean("bitmap", bitmap);
        }
        else
        {
            w.WriteNull("bitmap");
        }

        w.WriteString("uuid", a.Uuid);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
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
}
