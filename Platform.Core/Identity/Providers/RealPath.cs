namespace Platform.Core.Identity.Providers;

/// <summary>
/// An absolute path with every symbolic link along it followed, as the kernel would open it (POSIX
/// <c>realpath</c>, which .NET lacks): a link to a directory anywhere in the path counts, not only
/// the last one. Links that loop or nest deeper than the kernel allows are an <see cref="IOException"/>.
/// </summary>
public static class RealPath
{
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links);
    }

    private static string Resolve(string fullPath, ref int links)
    {
        var resolved = Path.GetPathRoot(fullPath)!;
        foreach (var segment in fullPath[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(resolved, segment);
            if (new FileInfo(candidate).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException("Too many levels of symbolic links.");
                }

                // A relative target is relative to the directory holding the link, which is already real.
                resolved = Resolve(Path.GetFullPath(target, resolved), ref links);
            }
            else
            {
                resolved = candidate;
            }
        }

        return resolved;
    }
}
