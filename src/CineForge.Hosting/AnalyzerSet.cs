using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CineForge.Hosting;

/// <summary>
/// The analyzers the host runs on a film's compilation. The default set is the CineForge
/// analyzer assembly shipped next to the host; tests and other hosts pass their own.
/// </summary>
public sealed class AnalyzerSet
{
    /// <summary>File name of the CineForge analyzer assembly.</summary>
    public const string CineForgeAssemblyFileName = "CineForge.Analyzers.dll";

    private static readonly Lazy<AnalyzerSet> Shipped = new(LoadShipped);

    /// <summary>Creates a set from analyzer instances; <paramref name="fingerprint"/> changes whenever they do (it keys the compile cache).</summary>
    public AnalyzerSet(IEnumerable<DiagnosticAnalyzer> analyzers, string fingerprint)
    {
        Analyzers = analyzers.ToImmutableArray();
        Fingerprint = fingerprint;
    }

    /// <summary>No analyzers.</summary>
    public static AnalyzerSet None { get; } = new(Array.Empty<DiagnosticAnalyzer>(), "none");

    /// <summary>The CineForge analyzers shipped next to the host, or <see cref="None"/> when the build carries none.</summary>
    public static AnalyzerSet CineForge => Shipped.Value;

    /// <summary>The analyzers.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>Identifies the analyzers' build in the compile cache key.</summary>
    public string Fingerprint { get; }

    /// <summary>Every C# <see cref="DiagnosticAnalyzer"/> type of <paramref name="assembly"/> with a public parameterless constructor.</summary>
    public static AnalyzerSet FromAssembly(Assembly assembly)
    {
        var analyzers = assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!);
        return new AnalyzerSet(analyzers, assembly.GetName().Name + ":" + assembly.ManifestModule.ModuleVersionId);
    }

    /// <summary>The analyzers of the assembly at <paramref name="path"/>.</summary>
    public static AnalyzerSet FromFile(string path) => FromAssembly(Assembly.LoadFrom(Path.GetFullPath(path)));

    private static AnalyzerSet LoadShipped()
    {
        var path = Path.Combine(AppContext.BaseDirectory, CineForgeAssemblyFileName);
        return File.Exists(path) ? FromFile(path) : None;
    }
}
