namespace CineForge;

/// <summary>A shot's narrative role: a beat of the arc, and optionally the role in words.</summary>
/// <param name="Beat">The beat; <see cref="Beat.Custom"/> when only described.</param>
/// <param name="Note">The role in words ("product texture hook").</param>
public sealed record Mission(Beat Beat, string? Note = null)
{
    /// <summary>"setup: product texture hook".</summary>
    public override string ToString() => Note is null ? Beat.ToString() : Beat == Beat.Custom ? Note : $"{Beat}: {Note}";
}
