using System.Collections;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace CineForge.Hosting;

/// <summary>Thrown when a film script cannot be compiled or run; carries compiler-style diagnostics.</summary>
public sealed class FilmScriptException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FilmScriptException(string message, IReadOnlyList<Diagnostic>? diagnostics = null, Exception? inner = null)
        : base(message, inner) => Diagnostics = diagnostics ?? Array.Empty<Diagnostic>();

    /// <summary>Compiler diagnostics, when compilation failed.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}

/// <summary>Compiles and runs a film script (.csx) and returns the films it declares.</summary>
public static class FilmScript
{
    /// <summary>Namespaces a film script sees without a using.</summary>
    public static readonly ImmutableArray<string> Imports = ImmutableArray.Create("System", "System.Linq", "System.Collections.Generic", "CineForge");

    /// <summary>Builds the Roslyn script for <paramref name="path"/> without running it.</summary>
    public static Script<object> Create(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FilmScriptException($"{path}: file not found.");
        }

        var directory = Path.GetDirectoryName(full)!;
        var options = ScriptOptions.Default
            .WithFilePath(full)
            .WithFileEncoding(System.Text.Encoding.UTF8)
            .WithReferences(SdkReferenceResolver.SdkReferences)
            .WithImports(Imports)
            .WithSourceResolver(new SourceFileResolver(ImmutableArray<string>.Empty, directory))
            .WithMetadataResolver(new SdkReferenceResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory)))
            .WithEmitDebugInformation(false);
        return CSharpScript.Create<object>(File.ReadAllText(full), options);
    }

    /// <summary>Compiles and runs the script at <paramref name="path"/>; returns the films it returns.</summary>
    /// <exception cref="FilmScriptException">The script does not compile, throws, or returns no film.</exception>
    public static async Task<IReadOnlyList<Film>> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var script = Create(path);
        var errors = script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new FilmScriptException($"{path}: the script does not compile.", errors);
        }

        object? value;
        using (FilmAssets.UseRoot(Path.GetDirectoryName(Path.GetFullPath(path))!))
        {
            try
            {
                value = (await script.RunAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).ReturnValue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new FilmScriptException($"{path}: the script threw {ex.GetType().Name}: {ex.Message}", null, ex);
            }
        }

        var films = value switch
        {
            Film film => new[] { film },
            IEnumerable many => many.OfType<Film>().ToArray(),
            _ => Array.Empty<Film>(),
        };
        if (films.Length == 0)
        {
            throw new FilmScriptException($"{path}: the script returns no film; end it with `return Film.Titled(...)...;`.");
        }

        return films;
    }
}
