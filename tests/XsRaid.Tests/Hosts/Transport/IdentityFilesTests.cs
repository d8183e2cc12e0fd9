using XsRaid.Hosts;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Hosts.Transport;

public sealed class IdentityFilesTests
{
    [Fact]
    public void DefaultsAreTheOpenSshFilesInOrder()
    {
        IdentityFiles.DefaultCandidates("/home/admin").ShouldBe(
            ["/home/admin/.ssh/id_ed25519", "/home/admin/.ssh/id_rsa", "/home/admin/.ssh/id_ecdsa"]);
    }

    [Fact]
    public void LoadsTheDefaultFilesThatExistAndSkipsPassphraseProtectedOnes()
    {
        using var home = new TempDir();
        var ssh = Directory.CreateDirectory(Path.Combine(home.Path, ".ssh")).FullName;
        Tool.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "secret", "-f", Path.Combine(ssh, "id_ed25519"));
        Tool.Run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", Path.Combine(ssh, "id_ecdsa"));

        var loaded = IdentityFiles.Load("h", null, home.Path);

        loaded.Select(i => i.Path).ShouldBe([Path.Combine(ssh, "id_ecdsa")]);
        loaded[0].Fingerprint.ShouldBe(Tool.Run("ssh-keygen", "-lf", Path.Combine(ssh, "id_ecdsa.pub")).Stdout.Split(' ')[1]);
        foreach (var identity in loaded)
        {
            identity.Dispose();
        }
    }

    [Fact]
    public void NoUsableDefaultFileIsAnAuthenticationFailureListingWhatWasTried()
    {
        using var home = new TempDir();
        var ssh = Directory.CreateDirectory(Path.Combine(home.Path, ".ssh")).FullName;
        Tool.Run("ssh-keygen", "-q", "-t", "rsa", "-N", "secret", "-f", Path.Combine(ssh, "id_rsa"));

        var ex = Should.Throw<HostAuthenticationException>(() => IdentityFiles.Load("root@h:22", null, home.Path));

        ex.Message.ShouldContain(Path.Combine(ssh, "id_ed25519"));
        ex.Message.ShouldContain("passphrase");
        ex.Message.ShouldContain("--identity");
        ex.Host.ShouldBe("root@h:22");
    }
}
