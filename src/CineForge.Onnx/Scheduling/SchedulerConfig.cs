using System.Text.Json;

namespace CineForge.Onnx.Scheduling;

/// <summary>What the model was trained with: the training noise schedule and what the UNet predicts.</summary>
/// <param name="TrainTimesteps">Training timesteps (1000 for Stable Diffusion).</param>
/// <param name="BetaStart">First beta of the training schedule.</param>
/// <param name="BetaEnd">Last beta of the training schedule.</param>
/// <param name="BetaSchedule">"scaled_linear" (Stable Diffusion) or "linear".</param>
/// <param name="Prediction">What the UNet outputs.</param>
public sealed record SchedulerConfig(int TrainTimesteps, double BetaStart, double BetaEnd, string BetaSchedule, PredictionType Prediction)
{
    /// <summary>Stable Diffusion 1.x/2.x-base and SDXL: 1000 steps, scaled-linear 0.00085..0.012, epsilon.</summary>
    public static SchedulerConfig StableDiffusion { get; } = new(1000, 0.00085, 0.012, "scaled_linear", PredictionType.Epsilon);

    /// <summary>Reads <c>scheduler/scheduler_config.json</c>; keys it lacks keep Stable Diffusion's values.</summary>
    /// <exception cref="ModelFolderException">The file is not valid JSON or names an unsupported schedule.</exception>
    public static SchedulerConfig Load(string path)
    {
        var defaults = StableDiffusion;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var root = doc.RootElement;
            var schedule = ReadString(root, "beta_schedule") ?? defaults.BetaSchedule;
            if (schedule is not ("scaled_linear" or "linear"))
            {
                throw new ModelFolderException(path, $"beta_schedule \"{schedule}\" is not supported; expected \"scaled_linear\" or \"linear\".");
            }

            var prediction = (ReadString(root, "prediction_type") ?? "epsilon") switch
            {
                "epsilon" => PredictionType.Epsilon,
                "v_prediction" => PredictionType.VPrediction,
                var other => throw new ModelFolderException(path, $"prediction_type \"{other}\" is not supported; expected \"epsilon\" or \"v_prediction\"."),
            };

            return new SchedulerConfig(
                ReadInt(root, "num_train_timesteps") ?? defaults.TrainTimesteps,
                ReadDouble(root, "beta_start") ?? defaults.BetaStart,
                ReadDouble(root, "beta_end") ?? defaults.BetaEnd,
                schedule,
                prediction);
        }
        catch (JsonException e)
        {
            throw new ModelFolderException(path, $"is not valid JSON ({e.Message}).");
        }
    }

    private static string? ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? ReadInt(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static double? ReadDouble(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}

/// <summary>What the UNet predicts.</summary>
public enum PredictionType
{
    /// <summary>The added noise (Stable Diffusion 1.x, SDXL).</summary>
    Epsilon,

    /// <summary>v = alpha * noise - sigma * x0 (Stable Diffusion 2.x at 768).</summary>
    VPrediction,
}
