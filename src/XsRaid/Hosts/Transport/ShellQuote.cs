using System.Text;

namespace XsRaid.Hosts;

/// <summary>
/// THE one place where an argv list becomes shell text (the command line an SSH server hands to the login
/// shell). Every argument comes out as exactly one POSIX sh word with its characters unchanged: a word made
/// only of harmless characters stays bare so logs read naturally, everything else is single-quoted, where no
/// character is special, and a single quote itself is written as <c>'\''</c>.
/// </summary>
public static class ShellQuote
{
    // Words that a shell reads as syntax when they stand first; quoting makes them plain command names.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.Ordinal)
    {
        "case", "coproc", "do", "done", "elif", "else", "esac", "fi", "for", "function", "if", "in", "select",
        "then", "time", "until", "while",
    };

    /// <summary>
    /// One argument as one sh word. Safe for any text except NUL (which no argv can carry) and unpaired UTF-16
    /// surrogates (which have no bytes to send); both throw <see cref="ArgumentException"/>.
    /// </summary>
    public static string Quote(string arg)
    {
        ArgumentNullException.ThrowIfNull(arg);
        Validate(arg);
        if (arg.Length > 0 && arg.All(IsBare) && !ReservedWords.Contains(arg))
        {
            return arg;
        }

        var quoted = new StringBuilder(arg.Length + 2);
        quoted.Append('\'');
        foreach (var c in arg)
        {
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }

    /// <summary>The command line for <paramref name="argv"/>: each argument quoted, separated by one space.</summary>
    public static string Join(IEnumerable<string> argv)
    {
        ArgumentNullException.ThrowIfNull(argv);
        var words = argv.Select(Quote).ToList();
        if (words.Count == 0)
        {
            throw new ArgumentException("a command needs at least the program name", nameof(argv));
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// The command line an SSH server hands to the login shell for <paramref name="argv"/>: "exec" + <see cref="Join"/>,
    /// so the shell is replaced by the program itself, as <see cref="LocalHost"/> runs it (no shell builtins, no
    /// shell between the program and a signal), and with stdin from /dev/null when the command gets no input.
    /// </summary>
    public static string RemoteCommand(IEnumerable<string> argv, bool stdinFromDevNull) =>
        $"exec {Join(argv)}{(stdinFromDevNull ? " </dev/null" : "")}";

    // No glob, expansion, redirection, assignment ('='), tilde, comment or job-control meaning anywhere in a word.
    private static bool IsBare(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '_' or '-' or '.' or '/' or ',' or ':' or '@' or '+';

    private static void Validate(string arg)
    {
        for (var i = 0; i < arg.Length; i++)
        {
            var c = arg[i];
            if (c == '\0')
            {
                throw new ArgumentException($"an argument cannot contain a NUL character (at index {i})", nameof(arg));
            }

            if (char.IsHighSurrogate(c) && i + 1 < arg.Length && char.IsLowSurrogate(arg[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"an argument contains an unpaired UTF-16 surrogate (at index {i})", nameof(arg));
            }
        }
    }
}
