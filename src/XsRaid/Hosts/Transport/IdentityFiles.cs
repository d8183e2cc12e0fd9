using Renci.SshNet;
using Renci.SshNet.Common;

namespace XsRaid.Hosts;

/// <summary>
/// The private keys to log in with: the --identity file, or else the OpenSSH default files that exist
/// (~/.ssh/id_ed25519, id_rsa, id_ecdsa). Keys with a passphrase cannot be used (xsraid does not prompt).
/// </summary>
public static class IdentityFiles
{
    private static readonly string[] DefaultNames = ["id_ed25519", "id_rsa", "id_ecdsa"];

    /// <summary>The default identity files under <paramref name="homeDirectory"/>, in the order they are tried.</summary>
    public static IReadOnlyList<string> DefaultCandidates(string homeDirectory) =>
        DefaultNames.Select(name => Path.Combine(homeDirectory, ".ssh", name)).ToList();

    public static string CurrentHomeDirectory =>
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home
            ? home
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>
    /// Loads <paramref name="identityFile"/>, or the default files that exist. Throws
    /// <see cref="HostAuthenticationException"/> naming every file and why it is unusable when no key loads.
    /// </summary>
    internal static IReadOnlyList<LoadedIdentity> Load(string host, string? identityFile, string homeDirectory)
    {
        if (identityFile is not null)
        {
            if (!File.Exists(identityFile))
            {
                throw new HostAuthenticationException(host, $"the identity file {identityFile} does not exist; pass an OpenSSH private key file with --identity.");
            }

            return [LoadOne(identityFile, out var problem) ?? throw new HostAuthenticationException(host, $"cannot use the identity file {identityFile}: {problem}.")];
        }

        var loaded = new List<LoadedIdentity>();
        var problems = new List<string>();
        foreach (var candidate in DefaultCandidates(homeDirectory).Where(File.Exists))
        {
            if (LoadOne(candidate, out var problem) is { } identity)
            {
                loaded.Add(identity);
            }
            else
            {
                problems.Add($"{candidate}: {problem}");
            }
        }

        if (loaded.Count == 0)
        {
            var why = problems.Count == 0 ? "none of them exists" : string.Join("; ", problems);
            throw new HostAuthenticationException(host,
                $"no usable identity: tried {string.Join(", ", DefaultCandidates(homeDirectory))} ({why}). "
                + "Pass an OpenSSH private key without a passphrase with --identity FILE.");
        }

        return loaded;
    }

    private static LoadedIdentity? LoadOne(string path, out string problem)
    {
        try
        {
            var file = new PrivateKeyFile(path);
            var blob = file.HostKeyAlgorithms.First().Data;
            problem = "";
            return new LoadedIdentity(path, file, SshPublicKey.FromBlob(blob)?.Fingerprint ?? "(unreadable public part)");
        }
        catch (SshPassPhraseNullOrEmptyException)
        {
            problem = "it is protected by a passphrase, which xsraid cannot ask for (use a key without one)";
        }
        catch (Exception ex)
        {
            problem = $"not a private key SSH.NET can read ({ex.Message})";
        }

        return null;
    }
}
