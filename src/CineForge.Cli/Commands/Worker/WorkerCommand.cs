using System.CommandLine;
using CineForge.Farm;
using CineForge.Onnx;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Runtime;
using CineForge.Runtime;
using Spectre.Console;

namespace CineForge.Cli.Commands.Worker;

/// <summary>
/// <c>cineforge worker --farm "Host=..;Database=.." [--queues gpu,cpu]</c>: takes stage jobs from the
/// farm until interrupted: keyframe and animate jobs from the gpu queue, select and finish jobs from the cpu queue. Run one per machine (or several); every worker must see the shared store.
/// </summary>
public sealed class WorkerCommand(IAnsiConsole console, TextWriter errors)
{
    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build() => WorkerSettings.CommandLine()
        .Command("worker", "Take stage jobs from a render farm until interrupted.", ExecuteAsync);

    /// <summary>Serves jobs until <paramref name="cancellationToken"/> fires; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(WorkerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (FarmInput.ResolveOrReport(settings.Farm, errors) is not { } connectionString)
        {
            return ExitCodes.Usage;
        }

        // --models: the same ONNX backends a local render with --models uses, so the bytes match.
        OnnxRenderBackends? models = null;
        if (settings.Models is { } modelDirectory)
        {
            try
            {
                models = OnnxRenderBackends.Open(modelDirectory, new OnnxBackendOptions(Notice: line => console.WriteLine("cineforge: " + line)));
            }
            catch (ModelFolderException ex)
            {
                errors.WriteLine($"cineforge: --models: {ex.Message}");
                return ExitCodes.Usage;
            }
        }

        using var owned = models;
        try
        {
            var timings = settings.LeaseSeconds is { } seconds
                ? FarmTimings.Default with { InvisibilityTimeout = TimeSpan.FromSeconds(seconds) }
                : FarmTimings.Default;
            var options = new FarmWorkerOptions(connectionString, settings.Queues, models?.Backends ?? RenderBackends.Previz(), settings.Name, Timings: timings);
            await FarmWorker.RunAsync(options, worker => console.WriteLine($"worker {worker} ready: queues {string.Join(",", options.Queues)}"), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        }
        catch (FarmException ex)
        {
            errors.WriteLine("cineforge: " + ex.Message);
            return ExitCodes.Usage;
        }
    }
}
