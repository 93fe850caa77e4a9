namespace CineForge.Runtime.Stages;

/// <summary>Counts the work stages do, from any thread.</summary>
public sealed class WorkCounter
{
    private int keyframes;
    private int corrections;
    private int clips;
    private int frames;

    /// <summary>A keyframe was generated.</summary>
    public void Keyframe() => Interlocked.Increment(ref keyframes);

    /// <summary>An img2img pass ran.</summary>
    public void Correction() => Interlocked.Increment(ref corrections);

    /// <summary>A clip of <paramref name="frameCount"/> frames was encoded.</summary>
    public void Clip(int frameCount)
    {
        Interlocked.Increment(ref clips);
        Interlocked.Add(ref frames, frameCount);
    }

    /// <summary>The counts so far.</summary>
    public RenderWork Snapshot() => new(Volatile.Read(ref keyframes), Volatile.Read(ref corrections), Volatile.Read(ref clips), Volatile.Read(ref frames));
}
