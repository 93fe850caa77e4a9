namespace CineForge.Finishing.Tests;

/// <summary>The repository root, found from the test binaries (CI maps caller paths elsewhere).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CineForge.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CineForge.sln not found above " + AppContext.BaseDirectory);
    }
}
