using System.Diagnostics.CodeAnalysis;

namespace XsRaid.Formats;

/// <summary>Either a parsed value or a <see cref="FormatError"/>; readers never throw for bad bytes.</summary>
public readonly struct ReadResult<T>
    where T : class
{
    private ReadResult(T? value, FormatError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public FormatError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Value is not null;

    public static ReadResult<T> Ok(T value) => new(value, null);

    public static ReadResult<T> Fail(FormatError error) => new(null, error);

    public static implicit operator ReadResult<T>(T value) => Ok(value);

    public static implicit operator ReadResult<T>(FormatError error) => Fail(error);

    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException(Error?.ToString() ?? "no value");

    public override string ToString() => IsOk ? Value.ToString() ?? "" : Error.ToString();
}
