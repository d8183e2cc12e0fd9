using System.Globalization;
using System.Text;

namespace XsRaid.Cli.Rendering;

/// <summary>
/// The one place host strings (partition names, md set names, labels, VG names, by-id names, command output) are
/// made safe for a terminal: every control character (C0 with newline and tab, DEL, C1 such as the 8-bit CSI) and
/// every bidirectional-override or invisible format character is shown escaped (\n, \t, \r, \e, \xNN, \u{NNNN}), so
/// no host text can move the cursor, set a title (OSC), ring the bell, or forge a line of the report.
/// Every console renderer goes through <see cref="Markup"/> or <see cref="Printable"/>; JSON output does not (it
/// escapes by itself).
/// </summary>
public static class TerminalText
{
    /// <summary>The text with every non-printable character escaped; null is "".</summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? "";
        }

        var shown = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            shown.Append(NeedsEscape(c) ? Escape(c) : c.ToString());
        }

        return shown.ToString();
    }

    /// <summary>The printable text, escaped for Spectre.Console markup ("[" and "]" doubled).</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Printable(text));

    /// <summary>A writer that makes everything written printable, newlines between lines excepted.</summary>
    public static TextWriter Guard(TextWriter inner) => inner is PrintableWriter ? inner : new PrintableWriter(inner);

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u200B' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    private static string Escape(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\u001B' => "\\e",
        < '\u0100' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
        _ => "\\u{" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + "}",
    };

    /// <summary>
    /// Passes text through <see cref="Printable"/>: a line written with WriteLine stays one line whatever it holds;
    /// a bare newline written on its own (between lines) is kept.
    /// </summary>
    private sealed class PrintableWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override IFormatProvider FormatProvider => inner.FormatProvider;

        public override void Write(char value)
        {
            if (value == '\n')
            {
                inner.Write(value);
            }
            else
            {
                inner.Write(Printable(value.ToString()));
            }
        }

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            var lines = value.Split('\n');
            inner.Write(string.Join('\n', lines.Select(Printable)));
        }

        public override void WriteLine(string? value) => inner.WriteLine(Printable(value));

        public override void WriteLine() => inner.WriteLine();

        public override void Flush() => inner.Flush();

        public override string ToString() => inner.ToString() ?? "";

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Flush();
            }

            base.Dispose(disposing);
        }
    }
}
