namespace CineForge.Prompting;

/// <summary>The text-to-image prompt pair of one shot.</summary>
/// <param name="Positive">What the keyframe shows.</param>
/// <param name="Negative">What it must not show: the charter's prohibitions first.</param>
public sealed record ShotPrompt(string Positive, string Negative);
