namespace XsRaid.Hosts.Parsers;

/// <summary>
/// Splits a kernel command line the way the kernel's next_arg() does: blanks separate arguments except
/// inside double quotes; the first '=' splits name from value; quotes around a value (or around the whole
/// argument) are not part of it. Returns null for an unterminated quote.
/// </summary>
public static class KernelArguments
{
    public static IReadOnlyList<KernelArgument>? Split(string text)
    {
        var args = new List<KernelArgument>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return args;
            }

            var start = i;
            var inQuote = false;
            var equals = -1;
            for (; i < text.Length && (inQuote || !char.IsWhiteSpace(text[i])); i++)
            {
                if (equals < 0 && text[i] == '=')
                {
                    equals = i;
                }

                if (text[i] == '"')
                {
                    inQuote = !inQuote;
                }
            }

            if (inQuote)
            {
                return null;
            }

            args.Add(Token(text, start, i, equals));
        }
    }

    private static KernelArgument Token(string text, int start, int end, int equals)
    {
        var nameStart = text[start] == '"' ? start + 1 : start;
        if (equals < 0)
        {
            var nameEnd = end > nameStart && text[end - 1] == '"' ? end - 1 : end;
            return new KernelArgument(text[nameStart..nameEnd], null, start, end - start, end, 0);
        }

        var value = text[(equals + 1)..end];
        if (value.Length > 0 && value[0] == '"')
        {
            value = value[1..];
        }

        if (value.Length > 0 && value[^1] == '"')
        {
            value = value[..^1];
        }

        return new KernelArgument(text[nameStart..equals], value, start, end - start, equals + 1, end - equals - 1);
    }
}
