namespace XsRaid.Tests.Support.Sshd;

/// <summary>The sshd shared by the tests of the <see cref="UsesSshd"/> collection (ed25519 host key), started once.</summary>
public sealed class SshdFixture : IDisposable
{
    public SshdServer Server { get; } = new();

    public void Dispose() => Server.Dispose();
}
