namespace CineForge.Onnx.Video;

/// <summary>
/// What Stable Video Diffusion is conditioned on besides the image, as diffusers'
/// StableVideoDiffusionPipeline builds it, and CineForge's mapping of a shot's motion strength to it.
/// </summary>
public static class SvdConditioning
{
    /// <summary>The method's motion range: strengths below and above are clamped to it.</summary>
    public const double MotionLow = 0.35;

    /// <summary>The top of the method's motion range.</summary>
    public const double MotionHigh = 0.55;

    /// <summary>
    /// The Motion table: (motion strength, motion_bucket_id, noise_aug_strength). Between rows both are
    /// interpolated linearly (the bucket rounded half to even), so a larger strength never gives a
    /// smaller value and every 0.0025 of strength moves the bucket. SVD's own default (127, 0.02)
    /// sits at 0.50 for the bucket; the augmentation grows more slowly, as more of it loosens the
    /// likeness to the keyframe.
    /// </summary>
    public static IReadOnlyList<(double Motion, int MotionBucketId, double NoiseAugStrength)> MotionTable { get; } =
    [
        (0.35, 60, 0.02),
        (0.40, 82, 0.025),
        (0.45, 105, 0.03),
        (0.50, 127, 0.04),
        (0.55, 150, 0.05),
    ];

    /// <summary>The conditioning of a motion strength (see <see cref="MotionTable"/>).</summary>
    public static (int MotionBucketId, double NoiseAugStrength) ForMotion(double motion)
    {
        var m = double.IsNaN(motion) ? MotionLow : Math.Clamp(motion, MotionLow, MotionHigh);
        var rows = MotionTable;
        for (var i = 1; i < rows.Count; i++)
        {
            if (m <= rows[i].Motion || i == rows.Count - 1)
            {
                var (a, b) = (rows[i - 1], rows[i]);
                var w = Math.Clamp((m - a.Motion) / (b.Motion - a.Motion), 0, 1);
                var bucket = (int)Math.Round(a.MotionBucketId + (w * (b.MotionBucketId - a.MotionBucketId)), MidpointRounding.ToEven);
                var aug = Math.Round(a.NoiseAugStrength + (w * (b.NoiseAugStrength - a.NoiseAugStrength)), 6);
                return (bucket, aug);
            }
        }

        return (rows[^1].MotionBucketId, rows[^1].NoiseAugStrength);
    }

    /// <summary>added_time_ids: [fps - 1, motion_bucket_id, noise_aug_strength] (SVD was trained on fps - 1).</summary>
    public static float[] AddedTimeIds(int fps, int motionBucketId, double noiseAugStrength) =>
        [fps - 1, motionBucketId, (float)noiseAugStrength];

    /// <summary>The per-frame guidance: torch.linspace(min, max, frames) in float32 (computed from both ends).</summary>
    public static float[] GuidanceRamp(double min, double max, int frames)
    {
        if (frames < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(frames), $"A clip needs at least one frame; got {frames}.");
        }

        if (frames == 1)
        {
            return [(float)min];
        }

        var step = (max - min) / (frames - 1);
        var half = frames / 2;
        var ramp = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            ramp[i] = (float)(i < half ? min + (step * i) : max - (step * (frames - 1 - i)));
        }

        return ramp;
    }

    /// <summary>decode_latents' chunks: [start, end) frame ranges of at most <paramref name="chunk"/> frames.</summary>
    public static IReadOnlyList<(int Start, int End)> DecodeChunks(int frames, int chunk)
    {
        if (chunk < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunk), $"A decode chunk holds at least one frame; got {chunk}.");
        }

        var chunks = new List<(int, int)>();
        for (var i = 0; i < frames; i += chunk)
        {
            chunks.Add((i, Math.Min(i + chunk, frames)));
        }

        return chunks;
    }
}
