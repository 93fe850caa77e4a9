namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>What the measurements of one clip need to know beyond its frames.</summary>
/// <param name="Fps">Frames per second.</param>
/// <param name="ImpliedDisplacement">Mean frame-to-frame displacement the declared move and strength imply, in output pixels (QA06).</param>
/// <param name="CtaWindowStart">First frame inside the ad's call-to-action window, or null when the clip is outside it (QA07).</param>
/// <param name="Palette">The colours the film asks for (QA03 measures the cast against them); null: none.</param>
/// <param name="Face">The lead character's sheet face, lit as the shot is, that QA10 holds the shot's face to; null when the shot casts nobody.</param>
/// <param name="Product">The product sheet an object detail shows or names, lit as the shot is, that QA12 holds the shot's product to; null for any other shot.</param>
public sealed record QaContext(int Fps, double ImpliedDisplacement, int? CtaWindowStart, PaletteIntent? Palette = null, Keyframe.Previz.FaceReference? Face = null, Keyframe.Previz.ProductReference? Product = null);
