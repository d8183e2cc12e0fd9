namespace XsRaid.Tests.Packaging;

/// <summary>
/// The tests that pack and publish the CLI: each class builds once (a class fixture) into a temporary directory.
/// The collection runs alone, after the others: a build takes both cores of the machine for minutes, and the
/// tests that time a reboot or a resync must not share the machine with it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BuildsTheCli
{
    public const string Name = "builds the cli";
}
