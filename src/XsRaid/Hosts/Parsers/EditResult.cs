namespace XsRaid.Hosts.Parsers;

/// <summary>The outcome of a pure edit of a parsed file: the new value, or why the edit cannot be made.</summary>
public sealed record EditResult<T>
    where T : class
{
    private EditResult(T? value, string? problem)
    {
        Value = value;
        Problem = problem;
    }

    public T? Value { get; }

    public string? Problem { get; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Problem))]
    public bool IsOk => Value is not null;

    public static EditResult<T> Ok(T value) => new(value, null);

    public static EditResult<T> Fail(string problem) => new(null, problem);

    public T GetValueOrThrow() => Value ?? throw new InvalidOperationException(Problem);
}
