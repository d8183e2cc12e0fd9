using Renci.SshNet;

namespace XsRaid.Hosts;

/// <summary>A private key file ready for SSH.NET, with the SHA256 fingerprint of its public half for messages.</summary>
internal sealed record LoadedIdentity(string Path, PrivateKeyFile Key, string Fingerprint) : IDisposable
{
    public override string ToString() => $"{Path} ({Fingerprint})";

    public void Dispose() => Key.Dispose();
}
