namespace EventHub.Core.Proceedings;

/// <summary>
/// Where uploaded files live: {data folder}/materials, outside the web root, under random names we chose.
/// Nothing here ever combines a path with text someone typed.
/// </summary>
public sealed class MaterialStore(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public string PathFor(string storedName)
    {
        if (storedName.Length == 0 || storedName.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_'))
        {
            throw new InvalidOperationException("A stored material name must be one we generated.");
        }

        return Path.Combine(Folder, storedName);
    }

    /// <summary>A new temporary file in the store's folder (so the final move is a rename on one disk).</summary>
    public FileStream CreateTemporary(out string tempPath)
    {
        Directory.CreateDirectory(Folder);
        tempPath = Path.Combine(Folder, "upload-" + Common.SecureTokens.New(16) + ".tmp");
        return new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
    }

    public void Delete(string storedName)
    {
        var path = PathFor(storedName);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
