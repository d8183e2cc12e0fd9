using XsRaid.Hosts.Parsers;
using XsRaid.Planning;
using XsRaid.Tests.Support;

namespace XsRaid.Tests.Planning;

/// <summary>HostFacts.EfiBoot: the probe's "efibootmgr-v" capture, parsed.</summary>
public sealed class HostFactsEfiBootTests
{
    private static readonly SampleHost Bios = SampleHost.Load("xcp-ng-8.2-bios");

    [Fact]
    public void ASnapshotWithoutTheCaptureHasNoEfiBoot()
    {
        Bios.Snapshot.Commands.ShouldNotContainKey("efibootmgr-v");
        var facts = HostFactsReader.Read(Bios.Snapshot);
        facts.Uefi.ShouldBeFalse();
        facts.EfiBoot.ShouldBeNull();
    }

    [Fact]
    public void ReadsTheCaptureOfAUefiHost()
    {
        // The probe stores a command's output without its last newline.
        var output = Fixtures.Text("efibootmgr/efibootmgr-v-xcpng83-uefi.txt").TrimEnd('\n');
        var host = Bios.WithMeta("firmware", "uefi").WithCommand("efibootmgr-v", 0, output);
        var facts = HostFactsReader.Read(host.Snapshot);
        facts.Uefi.ShouldBeTrue();
        var boot = facts.EfiBoot.ShouldNotBeNull();
        boot.BootOrder.ShouldBe(["0003", "0000", "0001"]);
        boot.Entries.Select(e => e.Id).ShouldBe(["0000", "0001", "0003"]);
        boot.Current.ShouldBe(new EfiBootEntry(
            "0003",
            true,
            "XCP-ng",
            @"HD(4,GPT,5d1e8a2c-7b34-4f09-9c6e-13a0b7e4f2d8,0x5000800,0x100000)/File(\EFI\xenserver\grubx64.efi)",
            new EfiGptPartition(4, "5d1e8a2c-7b34-4f09-9c6e-13a0b7e4f2d8", 83888128, 1048576),
            @"\EFI\xenserver\grubx64.efi"));
    }

    [Fact]
    public void AFailedEfibootmgrGivesNoEfiBoot()
    {
        var host = Bios.WithMeta("firmware", "uefi").WithCommand("efibootmgr-v", 2, "EFI variables are not supported on this system.");
        HostFactsReader.Read(host.Snapshot).EfiBoot.ShouldBeNull();
    }
}
