using CineForge.Runtime.Determinism;
using CineForge.Runtime.Imaging;

namespace CineForge.Runtime.Scene;

/// <summary>
/// How the previz draws a character: silhouette proportions, skin, hair and wardrobe colour.
/// Derived from the character sheet alone (name, face, wardrobe, seed), so the character keeps the
/// same silhouette and wardrobe in every shot.
/// </summary>
public sealed record CharacterLook(string Name, Rgb Skin, Rgb Hair, Rgb Wardrobe, double HeadAspect, double ShoulderWidth, double HairVolume)
{
    private static readonly Rgb[] SkinTones =
    [
        new(0.93, 0.76, 0.64), new(0.87, 0.67, 0.53), new(0.76, 0.56, 0.42), new(0.60, 0.42, 0.30), new(0.45, 0.31, 0.22),
    ];

    /// <summary>The look of <paramref name="character"/>; <paramref name="wardrobeOverride"/> replaces the sheet's wardrobe (CF0302).</summary>
    public static CharacterLook Of(Character character, string? wardrobeOverride = null)
    {
        var random = new SeededRandom(character.Seed ?? 0, "character", character.Name);
        var skin = SkinTones[random.Next(SkinTones.Length)];
        var hair = ColourWords.Mentions(character.Face, "blond", "blonde", "fair") ? new Rgb(0.78, 0.64, 0.38)
            : ColourWords.Mentions(character.Face, "red", "ginger", "auburn") ? new Rgb(0.55, 0.22, 0.10)
            : ColourWords.Mentions(character.Face, "grey", "gray", "white", "silver") ? new Rgb(0.70, 0.70, 0.70)
            : ColourWords.Mentions(character.Face, "dark", "black") ? new Rgb(0.12, 0.09, 0.08)
            : new Rgb(0.32, 0.22, 0.14);
        var wardrobe = ColourWords.FirstOrHashed(wardrobeOverride ?? character.Wardrobe ?? character.Name);
        return new CharacterLook(character.Name, skin, hair, wardrobe, random.Range(1.18, 1.34), random.Range(1.9, 2.4), random.Range(0.9, 1.25));
    }
}
