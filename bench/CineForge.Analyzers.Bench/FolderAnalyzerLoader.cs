using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

/// <summary>
/// Loads an analyzer assembly and its neighbours (CineForge.Rules.dll) from one folder in their own
/// load context, the way the compiler loads a package's analyzers/dotnet/cs: lets the benchmark
/// compare another build of the analyzers with this one in the same run.
/// </summary>
internal sealed class FolderAnalyzerLoader : AssemblyLoadContext, IAnalyzerAssemblyLoader
{
    private readonly string folder;

    public FolderAnalyzerLoader(string folder)
        : base("analyzers from " + folder) => this.folder = folder;

    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => LoadFromAssemblyPath(fullPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var candidate = Path.Combine(folder, assemblyName.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
