using System.Globalization;
using CineForge.Onnx.Models;
using CineForge.Onnx.Tokenizer;
using Microsoft.ML.OnnxRuntime;

namespace CineForge.Onnx.Pipeline;

/// <summary>The text condition of one prompt: per-token hidden states and, for SDXL, the pooled embedding.</summary>
/// <param name="Hidden">[77, width] row-major.</param>
/// <param name="Pooled">[pooled width] for SDXL, null otherwise.</param>
internal sealed record TextCondition(float[] Hidden, float[]? Pooled);

/// <summary>
/// Prompt to text condition. SD 1.x/2.x: CLIP's last hidden state. SDXL: the penultimate hidden
/// states of both encoders side by side, and the second encoder's projected pooled embedding; an
/// empty negative prompt is all zeros there, as SDXL was trained.
/// </summary>
internal sealed class PromptEncoder
{
    private readonly ModelFolder folder;
    private readonly OnnxSessions sessions;
    private readonly ClipTokenizer tokenizer;
    private readonly ClipTokenizer? tokenizer2;

    public PromptEncoder(ModelFolder folder, OnnxSessions sessions)
    {
        this.folder = folder;
        this.sessions = sessions;
        tokenizer = ClipTokenizer.Load(folder.TokenizerFolder(folder.TextEncoder));
        tokenizer2 = folder.TextEncoder2 is { } second ? ClipTokenizer.Load(folder.TokenizerFolder(second)) : null;
    }

    public TextCondition Encode(string prompt, bool isNegative, List<string> notices)
    {
        if (folder.TextEncoder2 is null)
        {
            return new TextCondition(Run(folder.TextEncoder, tokenizer, prompt, notices, ["last_hidden_state"])[0], null);
        }

        var second = folder.TextEncoder2;
        var firstName = PenultimateHiddenState(folder.TextEncoder);
        var secondName = PenultimateHiddenState(second);
        if (isNegative && string.IsNullOrWhiteSpace(prompt))
        {
            var width = Width(folder.TextEncoder, firstName) + Width(second, secondName);
            var pooledWidth = (int)(second.Header.Output("text_embeds")!.Dims[1] ?? 0);
            return new TextCondition(new float[ClipTokenizer.SequenceLength * width], new float[pooledWidth]);
        }

        var h1 = Run(folder.TextEncoder, tokenizer, prompt, notices, [firstName])[0];
        var outputs = Run(second, tokenizer2!, prompt, [], [secondName, "text_embeds"]);
        return new TextCondition(Concatenate(h1, outputs[0], ClipTokenizer.SequenceLength), outputs[1]);
    }

    /// <summary>SDXL's prompt_embeds: both encoders' hidden states side by side on the last axis, token by token.</summary>
    internal static float[] Concatenate(float[] h1, float[] h2, int tokens)
    {
        var w1 = h1.Length / tokens;
        var w2 = h2.Length / tokens;
        var hidden = new float[h1.Length + h2.Length];
        for (var t = 0; t < tokens; t++)
        {
            Array.Copy(h1, t * w1, hidden, t * (w1 + w2), w1);
            Array.Copy(h2, t * w2, hidden, (t * (w1 + w2)) + w1, w2);
        }

        return hidden;
    }

    private static int Width(ModelComponent encoder, string output) =>
        (int)(encoder.Header.Output(output)!.Dims[2] ?? throw new ModelFolderException(encoder.ModelPath, $"output {output} needs a fixed width."));

    // Exports list hidden_states.0..N (N = layers); the penultimate layer is N-1. Exports that keep one list just it.
    private static string PenultimateHiddenState(ModelComponent encoder)
    {
        var layers = encoder.Header.Outputs
            .Select(o => o.Name)
            .Where(n => n.StartsWith("hidden_states.", StringComparison.Ordinal))
            .Select(n => int.Parse(n["hidden_states.".Length..], CultureInfo.InvariantCulture))
            .ToList();
        var last = layers.Max();
        return $"hidden_states.{(layers.Contains(last - 1) ? last - 1 : last)}";
    }

    private float[][] Run(ModelComponent encoder, ClipTokenizer clip, string prompt, List<string> notices, string[] outputs)
    {
        var tokens = clip.Encode(prompt);
        if (tokens.Truncated)
        {
            notices.Add($"Prompt is {tokens.PromptTokens} tokens; CLIP reads {ClipTokenizer.ContentLimit}, so \"{tokens.DroppedText}\" is left out.");
        }

        var input = encoder.Header.Input("input_ids")!;
        using var ids = new HostTensor(input.ElementType, [1, ClipTokenizer.SequenceLength]);
        ids.WriteIds(tokens.Ids);
        using var runOptions = new RunOptions();
        using var results = sessions.For(encoder).Run(runOptions, ["input_ids"], [ids.Value], outputs);
        return results.Select(r => HostTensor.ReadFrom(r)).ToArray();
    }
}
