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
/// farm until interrupted: keyframe and animate jobs from the gpu queue, select jobs from the cpu queue. Run one per machine (or several); every worker must see the shared store.
/// </summary>
public sealed class WorkerCommand(IAnsiConsole console, TextWriter errors)
{
    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build()
    {
        var farm = new Option<string?>("--farm") { Description = "The farm's PostgreSQL connection string, e.g. \"Host=db;Database=cineforge;Username=farm\" (default: " + FarmConnection.Variable + ", or the file named by " + FarmConnection.FileVariable + ")." };
        var queues = new Option<string?>("--queues") { Description = "Queues this worker takes: gpu (keyframe and animate jobs), cpu (select jobs) or gpu,cpu (default: all)." };
        var models = new Option<string?>("--models") { Description = "Model folder of the render backends (the previz backends need none)." };
        var name = new Option<string?>("--name") { Description = "Name shown in farm status (default: host name and process id)." };
        var lease = new Option<int?>("--lease") { Description = "Seconds a job of a worker that stopped answering stays hidden from other workers (default 300)." };
        var command = new Command("worker", "Take stage jobs from a render farm until interrupted.") { farm, queues, models, name, lease };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(
            new WorkerSettings
            {
                Farm = parse.GetValue(farm),
                Queues = parse.GetValue(queues),
                Models = parse.GetValue(models),
                Name = parse.GetValue(name),
                LeaseSeconds = parse.GetValue(lease),
            },
            cancellationToken));
        return command;
    }

    /// <summary>Serves jobs until <paramref name="cancellationToken"/> fires; returns the exit code.</summary>
    public async Task<int> ExecuteAsync(WorkerSettings settings, CancellationToken cancellationToken)
    {
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
                ? FarmTimings.Default with { InvisibilityTimeout = TimeSpan.FromSeconds(Math.Max(1, seconds)) }
                : FarmTimings.Default;
            var options = new FarmWorkerOptions(connectionString, FarmQueues.Parse(settings.Queues), models?.Backends ?? RenderBackends.Previz(), settings.Name, Timings: timings);
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
