using System.CommandLine;
using CineForge.Onnx.Models;
using CineForge.Onnx.Pipeline;
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
    public Command Build()
    {
        var directory = new Argument<string>("dir") { Description = "The model folder (model_index.json, text_encoder/, unet/, vae_decoder/, tokenizer/, ...)." };
        var noHash = new Option<bool>("--no-hash") { Description = "Skip the SHA-256 of each file (hashing reads every weight once)." };
        var check = new Command("check", "Check a Stable Diffusion ONNX model folder and print what it holds.") { directory, noHash };
        check.SetAction(parse => Check(parse.GetRequiredValue(directory), !parse.GetValue(noHash)));
        return new Command("models", "Stable Diffusion ONNX model folders for --models.") { check };
    }

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

        var provider = ExecutionProviders.Choose();
        writer.WriteLine($"Execution provider: {provider.Provider}: {provider.Reason}.");
        writer.WriteLine(lines[^1]);

        return report.IsValid ? ExitCodes.Success : ExitCodes.Usage;
    }
}
