namespace CineForge.Hosting;

/// <summary>
/// A film script compiled and analyzed: its diagnostics (compiler and analyzers, default
/// severities) and, when it compiled, the assembly to run. Comes from the cache when the script,
/// the files it loads, the referenced assemblies and the host are unchanged.
/// </summary>
public sealed class CompiledFilmScript
{
    internal CompiledFilmScript(ScriptSources sources, IReadOnlyList<ScriptDiagnostic> diagnostics, CompiledAssembly? assembly, bool fromCache)
    {
        Sources = sources;
        Diagnostics = diagnostics;
        Assembly = assembly;
        FromCache = fromCache;
    }

    /// <summary>The script and what it loads.</summary>
    public ScriptSources Sources { get; }

    /// <summary>Compiler and analyzer diagnostics, sorted by file and position.</summary>
    public IReadOnlyList<ScriptDiagnostic> Diagnostics { get; }

    /// <summary>True when this result was read from the compile cache (nothing was compiled).</summary>
    public bool FromCache { get; }

    /// <summary>The emitted assembly; null when compilation failed.</summary>
    internal CompiledAssembly? Assembly { get; }
}

/// <summary>An emitted film assembly and how to enter it.</summary>
/// <param name="Image">The PE image.</param>
/// <param name="Symbols">Its portable PDB, so a script that throws names its file and line.</param>
/// <param name="EntryType">Metadata name of the type holding the entry point ("Submission#0", "Program").</param>
/// <param name="EntryMethod">Name of the entry point ("&lt;Factory&gt;", "&lt;Main&gt;$").</param>
internal sealed record CompiledAssembly(byte[] Image, byte[] Symbols, string EntryType, string EntryMethod);
