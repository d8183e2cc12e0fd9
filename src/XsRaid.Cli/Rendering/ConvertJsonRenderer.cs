using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using XsRaid.Execution;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// `convert --json`: one JSON object per line for scripts, each with "time" (UTC) and "event" (kebab-case), the
/// outcome last. Field names are stable. Every event also goes to the local log as text.
/// </summary>
public sealed class ConvertJsonRenderer(TextWriter output, ConvertLog? log) : IConvertEvents
{
    private readonly Lock _gate = new();

    public void On(ConvertEvent e)
    {
        log?.Write(ConvertLines.Of(e));
        switch (e)
        {
            case StepStarted s:
                Write("step-started", w =>
                {
                    w.WriteString("step", s.Step.Id);
                    w.WriteNumber("number", s.Number);
                    w.WriteNumber("count", s.Count);
                    w.WriteString("phase", JsonNamingPolicy.KebabCaseLower.ConvertName(s.Step.Phase.ToString()));
                    w.WriteString("title", s.Step.Title);
                });
                break;
            case StepFinished f:
                Write("step-finished", w => StepFinished(w, f));
                break;
            case CopyProgress c:
                Write("copy-progress", w =>
                {
                    w.WriteString("step", c.Step.Id);
                    w.WriteNumber("copiedBytes", c.CopiedBytes);
                    w.WriteNumber("totalBytes", c.TotalBytes);
                    if (c.BytesPerSecond is { } rate)
                    {
                        w.WriteNumber("bytesPerSecond", Math.Round(rate));
                    }
                });
                break;
            case ResyncProgress r:
                Write("resync-progress", w => Arrays(w, r.Arrays));
                break;
            case ConvertNotice n:
                Write("notice", w => w.WriteString("text", n.Text));
                break;
            case ConvertWarning n:
                Write("warning", w => w.WriteString("text", n.Text));
                break;
            case RebootStarted r:
                Write("reboot-started", w => w.WriteNumber("timeoutSeconds", r.Timeout.TotalSeconds));
                break;
            case HostWentAway g:
                Write("host-went-away", w => w.WriteNumber("afterSeconds", Math.Round(g.After.TotalSeconds, 3)));
                break;
            case HostCameBack b:
                Write("host-came-back", w => w.WriteNumber("downtimeSeconds", Math.Round(b.Downtime.TotalSeconds, 3)));
                break;
            default:
                Write("event", w => w.WriteString("text", e.ToString()));
                break;
        }
    }

    /// <summary>The last line: how the run ended and the exit code.</summary>
    public void Outcome(ConvertOutcome outcome, int exitCode)
    {
        log?.Write($"outcome {outcome.Kind}: {outcome.Message}");
        Write("outcome", w =>
        {
            w.WriteString("outcome", JsonNamingPolicy.KebabCaseLower.ConvertName(outcome.Kind.ToString()));
            w.WriteNumber("exitCode", exitCode);
            w.WriteString("message", outcome.Message);
            if (outcome.Failure is { } failure)
            {
                w.WritePropertyName("failure");
                Failure(w, failure);
            }

            if (outcome.Refusals.Count > 0)
            {
                w.WriteStartArray("refusals");
                foreach (var r in outcome.Refusals)
                {
                    w.WriteStartObject();
                    w.WriteString("rule", r.Rule);
                    w.WriteString("message", r.Message);
                    w.WriteString("wayOut", r.WayOut);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            if (outcome.Changes.Count > 0)
            {
                w.WriteStartArray("changes");
                outcome.Changes.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
            }

            if (outcome.Rollback is { } rb)
            {
                w.WriteStartObject("rollback");
                w.WriteString("kernelCommandLine", rb.KernelCommandLine);
                w.WriteString("rootDevice", rb.RootDevice);
                if (rb.BootTime is { } booted)
                {
                    w.WriteString("bootTime", booted);
                }

                if (rb.OneShotPending is { } pending)
                {
                    w.WriteBoolean("oneShotPending", pending);
                }

                w.WriteString("previousBootLog", rb.PreviousBootLog);
                w.WriteEndObject();
            }
        });
    }

    private static void StepFinished(Utf8JsonWriter w, StepFinished f)
    {
        w.WriteString("step", f.Outcome.Step.Id);
        w.WriteNumber("number", f.Number);
        w.WriteNumber("count", f.Count);
        w.WriteString("result", f.Outcome.Result switch
        {
            StepResult.Done => "done",
            StepResult.AlreadyDone => "already-done",
            _ => "failed",
        });
        w.WriteNumber("seconds", Math.Round(f.Outcome.Duration.TotalSeconds, 3));
        if (f.Outcome.Failure is { } failure)
        {
            w.WritePropertyName("failure");
            Failure(w, failure);
        }
    }

    private static void Failure(Utf8JsonWriter w, StepFailure failure)
    {
        w.WriteStartObject();
        w.WriteString("step", failure.Step.Id);
        w.WriteString("problem", failure.Problem);
        if (failure.Argv is { } argv)
        {
            w.WriteStartArray("argv");
            foreach (var a in argv)
            {
                w.WriteStringValue(a);
            }

            w.WriteEndArray();
        }

        if (failure.ExitCode is { } code)
        {
            w.WriteNumber("exitCode", code);
        }

        w.WriteString("stderr", failure.StderrTail);
        w.WriteString("advice", failure.Advice);
        w.WriteEndObject();
    }

    private static void Arrays(Utf8JsonWriter w, IReadOnlyList<ArrayHealth> arrays)
    {
        w.WriteStartArray("arrays");
        foreach (var a in arrays)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("state", a.State.ToString().ToLowerInvariant());
            if (a.Percent is { } p)
            {
                w.WriteNumber("percent", p);
            }

            if (a.SpeedKiBPerSecond is { } s)
            {
                w.WriteNumber("speedKiBPerSecond", s);
            }

            if (a.FinishMinutes is { } m)
            {
                w.WriteNumber("finishMinutes", m);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private void Write(string name, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("time", DateTime.UtcNow);
            w.WriteString("event", name);
            body(w);
            w.WriteEndObject();
        }

        lock (_gate)
        {
            output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
            output.Flush();
        }
    }
}
