using XsRaid.Platforms;
using XsRaid.Platforms.Layouts;

namespace XsRaid.Tests.Platforms;

/// <summary>An OS family as another one, with its metadata policy or bootloaders replaced (for one test's point).</summary>
internal sealed class FamilyWith(IOsFamily inner, MetadataPolicy? metadata = null, IReadOnlyList<IBootloader>? bootloaders = null) : IOsFamily
{
    public PlatformId Id => inner.Id;

    public string Name => inner.Name;

    public string? Base => inner.Base;

    public string MdadmConfPath => inner.MdadmConfPath;

    public IReadOnlyList<string> WritersToStop => inner.WritersToStop;

    public string WritersWhy => inner.WritersWhy;

    public IReadOnlyList<string> RsyncOptions => inner.RsyncOptions;

    public bool NamesRootByUuid => inner.NamesRootByUuid;

    public MetadataPolicy Metadata => metadata ?? inner.Metadata;

    public IReadOnlyList<string> DiskTools => inner.DiskTools;

    public IReadOnlyList<string> CopyTools => inner.CopyTools;

    public StorageRepositoryCommands StorageRepository(string arrayDevice, string name, string srUuid, string? hostUuid) =>
        inner.StorageRepository(arrayDevice, name, srUuid, hostUuid);

    public IReadOnlyList<string> StorageRepositoryTools => inner.StorageRepositoryTools;

    public IInitrdTool Initrd => inner.Initrd;

    public IReadOnlyList<IBootloader> Bootloaders => bootloaders ?? inner.Bootloaders;

    public IMdMonitor MdMonitor => inner.MdMonitor;

    public DiskLayout Layout => inner.Layout;
}
