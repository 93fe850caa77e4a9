using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;

namespace CineForge.Hosting;

/// <summary>
/// Runs a compiled film and collects the films it declares: the script's return value (a film or
/// a sequence of films) and every film passed to <see cref="Films.Run"/>. A script that throws or
/// declares nothing gets one diagnostic at the line that threw, or at the top of the file.
/// </summary>
internal static class ScriptRunner
{
    public static async Task<(IReadOnlyList<Film> Films, ScriptDiagnostic? Failure)> RunAsync(CompiledFilmScript compiled, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sources = compiled.Sources;
        var assembly = compiled.Assembly ?? throw new InvalidOperationException("The film did not compile; there is nothing to run.");
        var context = new FilmLoadContext(sources.LocalReferences);
        var loaded = context.LoadFromStream(new MemoryStream(assembly.Image), new MemoryStream(assembly.Symbols));
        var entry = loaded.GetType(assembly.EntryType, throwOnError: true)!
            .GetMethod(assembly.EntryMethod, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;

        object? value;
        IReadOnlyList<Film> declared;
        using (FilmAssets.UseRoot(Path.GetDirectoryName(sources.MainPath)!))
        using (var capture = Films.Capture())
        {
            try
            {
                var running = InvokeOnOwnThread(entry, sources.Kind);
                if (await Task.WhenAny(running, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false) != running)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // The script's thread cannot be stopped from outside; it is a background thread, so
                    // the command still exits. Nothing it declared is used.
                    return (Array.Empty<Film>(), ScriptDiagnostic.HostError(
                        $"the script did not finish within {Seconds(timeout)}: a film declares its plan and returns, so look for a loop or a wait that never ends (--script-timeout raises the limit)",
                        SourceSpot.StartOf(sources.MainPath)));
                }

                value = await running.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var thrown = ex is TargetInvocationException { InnerException: not null } tie ? tie.InnerException! : ex;
                return (Array.Empty<Film>(), Threw(thrown, sources));
            }

            declared = capture.Declared;
        }

        var films = declared.Concat(value switch
        {
            Film film => new[] { film },
            IEnumerable many and not string => many.OfType<Film>(),
            _ => Enumerable.Empty<Film>(),
        }).Distinct().ToList();

        if (films.Count == 0)
        {
            return (films, ScriptDiagnostic.HostError($"the script declares no film: {FilmCompiler.NoFilmHint(sources.Kind)}", SourceSpot.StartOf(sources.MainPath)));
        }

        return (films, null);
    }

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>Runs the script on a thread of its own, so a script that never returns cannot hold the caller.</summary>
    private static Task<object?> InvokeOnOwnThread(MethodInfo entry, FilmScriptKind kind)
    {
        var done = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                done.SetResult(InvokeAsync(entry, kind).GetAwaiter().GetResult());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "cineforge film script",
        };
        thread.Start();
        return done.Task;
    }

    private static async Task<object?> InvokeAsync(MethodInfo entry, FilmScriptKind kind)
    {
        // A script's factory takes the submission array: [0] globals, [1] this submission's state.
        var arguments = kind == FilmScriptKind.Script
            ? new object?[] { new object?[2] }
            : entry.GetParameters().Length == 0 ? Array.Empty<object?>() : new object?[] { Array.Empty<string>() };
        var result = entry.Invoke(null, arguments);
        if (result is Task task)
        {
            await task.ConfigureAwait(false);
            var resultProperty = task.GetType().GetProperty("Result");
            return resultProperty?.PropertyType.Name == "VoidTaskResult" ? null : resultProperty?.GetValue(task);
        }

        return result;
    }

    private static ScriptDiagnostic Threw(Exception exception, ScriptSources sources)
    {
        var files = sources.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var frame = new StackTrace(exception, fNeedFileInfo: true).GetFrames()
            .FirstOrDefault(f => f.GetFileName() is { } name && files.Contains(name) && f.GetFileLineNumber() > 0);
        var location = frame is null
            ? SourceSpot.StartOf(sources.MainPath)
            : new SourceSpot(frame.GetFileName()!, frame.GetFileLineNumber(), Math.Max(1, frame.GetFileColumnNumber()));
        var message = exception.Message.ReplaceLineEndings(" ");
        return ScriptDiagnostic.HostError($"the script threw {exception.GetType().Name}: {message}", location) with { Exception = exception };
    }

    /// <summary>Loads a film assembly; the SDK and the framework come from the host, local <c>#r</c> assemblies from their paths.</summary>
    private sealed class FilmLoadContext(IReadOnlyList<string> localReferences) : AssemblyLoadContext("cineforge-film")
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var local = localReferences.FirstOrDefault(p => string.Equals(Path.GetFileNameWithoutExtension(p), assemblyName.Name, StringComparison.OrdinalIgnoreCase));
            return local is null ? null : LoadFromAssemblyPath(local);
        }
    }
}
