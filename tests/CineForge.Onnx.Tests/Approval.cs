namespace CineForge.Onnx.Tests;

/// <summary>
/// Plain approved-file snapshots: the expected text lives in tests/.../Approved/NAME. Run with
/// CINEFORGE_APPROVE=1 to rewrite the files after a deliberate change, then review the diff.
/// </summary>
internal static class Approval
{
    public static void Verify(string name, string actual) => VerifyFile(Repo.PathOf("tests", "CineForge.Onnx.Tests", "Approved", name), actual);

    public static void VerifyFile(string path, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("CINEFORGE_APPROVE") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No approved file {path}; run the tests with CINEFORGE_APPROVE=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }
}

/// <summary>Finds files of the repository from test code.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    // Walks up from the test binaries: CI builds map source paths (/_/), so caller paths are no help.
    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CineForge.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
