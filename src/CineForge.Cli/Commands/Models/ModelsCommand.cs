using System.CommandLine;
using CineForge.Onnx;
using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
using CineForge.Onnx.Video;
using Spectre.Console;

namespace CineForge.Cli.Commands.Models;

/// <summary>
/// <c>cineforge models check DIR</c>: checks a Stable Diffusion ONNX folder without loading it and
/// prints what it found (architecture, precision, each model's inputs and outputs, every file with
/// its size and SHA-256 for the lock file), and which execution provider a render would use here and
/// why (the CPU install carries no CUDA provider). Exit 0 when the folder can be loaded, 2 (bad input)
/// when it cannot; each problem names its file.
/// </summary>
public sealed class ModelsCommand(IAnsiConsole console)
{
    /// <summary>The System.CommandLine command bound to this handler.</summary>
    public Command Build() => new("models", "Stable Diffusion ONNX model folders for --models.")
    {
        ModelsCheckSettings.CommandLine().Command("check", "Check a Stable Diffusion ONNX model folder and print what it holds.", settings => Check(settings.Directory, settings.Hashes)),
    };

    /// <summary>Checks <paramref name="directory"/>; returns the exit code.</summary>
    public int Check(string directory, bool hashes)
    {
        var report = ModelFolder.Check(directory, hashes);
        var writer = console.Profile.Out.Writer;
        var lines = ModelFolderReportText.Lines(report).ToList();
        foreach (var line in lines.Take(lines.Count - 1))
        {
            writer.WriteLine(line);
        }

        // Image-to-video: DIR/svd/ animates the shots when it is there; a broken one stops a render before any work.
        var videoValid = true;
        if (SvdFolder.IsPresent(directory))
        {
            try
            {
                var svd = SvdFolder.Open(directory);
                writer.WriteLine($"Image-to-video: Stable Video Diffusion in {svd.Root}: {svd.NativeFrames} native frames, animates every shot.");
            }
            catch (ModelFolderException ex)
            {
                videoValid = false;
                writer.WriteLine($"Image-to-video: problem: {ex.Message}");
            }
        }
        else
        {
            writer.WriteLine($"Image-to-video: no {SvdFolder.SubFolder}/ folder: the depth parallax (or the previz) animates the shots.");
        }

        var provider = ExecutionProviders.Choose();
        writer.WriteLine($"Execution provider: {provider.Provider}: {provider.Reason}.");
        writer.WriteLine(videoValid ? lines[^1] : $"{directory}: cannot be loaded: its {SvdFolder.SubFolder}/ folder is not a Stable Video Diffusion folder (see above).");

        return report.IsValid && videoValid ? ExitCodes.Success : ExitCodes.Usage;
    }
}
