namespace XsRaid.Tests.Support.Sshd;

/// <summary>
/// Tests that talk to the shared sshd: put <c>[Collection(UsesSshd.Name)]</c> on the class and take an
/// <see cref="SshdFixture"/> in the constructor. The tests of the collection run one at a time; a test that stops
/// sshd or changes its keys must use its own <see cref="SshdServer"/> instead of the shared one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class UsesSshd : ICollectionFixture<SshdFixture>
{
    public const string Name = "sshd";
}
