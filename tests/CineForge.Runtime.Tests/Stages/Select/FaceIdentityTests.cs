using CineForge.Rules;
using CineForge.Runtime.Imaging;
using CineForge.Runtime.Scene;
using CineForge.Runtime.Stages;
using CineForge.Runtime.Stages.Keyframe;
using CineForge.Runtime.Stages.Select.Qa;
using Xunit.Abstractions;

namespace CineForge.Runtime.Tests.Stages.Select;

/// <summary>
/// Issue 18: QA10 (face identity) runs in the runtime for every shot with a cast character. The previz
/// knows where it drew the lead's face; the face is read there (<see cref="FaceSignature"/>) in every
/// measured frame and held against the character sheet's face.
/// </summary>
public sealed class FaceIdentityTests(ITestOutputHelper output)
{
    private static readonly FrameSize Size = new(384, 216);

    // Another face: blond where Mara is dark-haired, darker skin (the previz draws both from the sheet's words and seed).
    private static readonly Character Stranger = Character.Sheet("Leo").Face("twenties, blond hair").Wardrobe("red jacket").Seed(5);

    [Fact]
    public void EveryTakeWithACastCharacter_HoldsTheSheetsFace()
    {
        var film = TestFilms.CosmeticAd();
        var measured = 0;
        foreach (var take in CastTakes(film))
        {
            var report = PrevizMeasure.Take(film, take, Size);
            var qa10 = report[RuleIds.QA10];
            output.WriteLine($"{take.Shot.Name} {take.Label}: {qa10}");
            Assert.NotNull(qa10);
            Assert.True(qa10.Passed, $"{take.Shot.Name} {take.Label}: {qa10}");
            measured++;
        }

        Assert.Equal(5, measured);
    }

    [Fact]
    public void AnotherCharactersFace_FailsQa10InEveryShot()
    {
        // The same frames, held against a sheet that is not the character drawn: what identity drift looks like.
        var film = TestFilms.CosmeticAd();
        foreach (var take in CastTakes(film))
        {
            var qa10 = PrevizMeasure.Take(film, take, Size, CharacterLook.Of(Stranger))[RuleIds.QA10]!;
            output.WriteLine($"{take.Shot.Name} {take.Label} against {Stranger.Name}'s sheet: {qa10}");
            Assert.False(qa10.Passed, $"{take.Shot.Name} {take.Label}: {qa10}");
        }
    }

    [Fact]
    public void ShotsWithoutACastCharacter_HaveNoQa10()
    {
        var film = TestFilms.CosmeticAd();
        var take = ShotTake.Of(film.Shots.First(s => s.Characters.Count == 0), 1, 1)[0];
        Assert.Null(PrevizMeasure.Take(film, take, Size)[RuleIds.QA10]);
    }

    [Fact]
    public void Signature_IgnoresTheLightsLevel_NotTheFace()
    {
        var film = TestFilms.CosmeticAd();
        var take = CastTakes(film).First();
        var keyframe = PrevizMeasure.Keyframe(film, take, Size);
        var face = keyframe.Face!.Value;
        var frame = YuvFrame.From(keyframe.Image);
        var darker = YuvFrame.From(Scaled(keyframe.Image, 0.8));
        var distance = FaceEmbeddings.Distance(FaceSignature.Of(frame, face)!, FaceSignature.Of(darker, face)!);
        output.WriteLine($"the same face with the light 20% lower: {distance:0.####}");
        Assert.True(distance < 0.05, $"{distance}");

        // The face's box moved off the face (onto the set beside it) reads as another face.
        var beside = new PixelBox(face.Left + face.Width, face.Top, face.Right + face.Width, face.Bottom);
        Assert.True(FaceEmbeddings.Distance(FaceSignature.Of(frame, face)!, FaceSignature.Of(frame, beside)!) > QaMetrics.FaceIdentity.Limit);
    }

    [Fact]
    public void KeyframeRecord_PlacesTheFaceOnTheCanvasAndInTheFrame()
    {
        var film = TestFilms.CosmeticAd();
        var keyframe = PrevizMeasure.Keyframe(film, CastTakes(film).First(), Size);
        var canvas = keyframe.Face!.Value;
        var frame = keyframe.FaceInFrame!.Value;
        Assert.Equal((keyframe.Image.Width - Size.Width) / 2.0, canvas.Left - frame.Left, 6);
        Assert.Equal((keyframe.Image.Height - Size.Height) / 2.0, canvas.Top - frame.Top, 6);
        Assert.True(frame.Width > 0 && frame.Height > frame.Width * 0.8, $"{frame}");
    }

    [Fact]
    public void RecognizedFaces_Qa10IsTheirDriftWithinTheClip_AndTheMeanFaceIsReported()
    {
        var analyzer = new ClipAnalyzer(64, 36, new QaContext(24, 1, null));
        var yuv = new YuvFrame(64, 36);
        float[] a = [1, 0, 0], b = FaceEmbeddings.Normalize([1, 1, 0]);
        foreach (var face in new[] { a, a, b })
        {
            analyzer.Add(yuv, new PixelBox(10, 5, 30, 30));
            analyzer.AddRecognized(face);
        }

        var report = analyzer.Finish();

        Assert.Equal(Math.Round(FaceEmbeddings.Within([a, a, b])!.Value, 4), report[RuleIds.QA10]!.Value);
        Assert.Equal(FaceEmbeddings.Mean([a, a, b]), report.Face);
    }

    [Fact]
    public async Task AModelBackendsFaces_AreReadByTheRendersRecognizer_InEveryCastShot()
    {
        // A backend that records no face box (as a model backend), and a recognizer that embeds the
        // frame's colour layout: QA10 comes from the recognizer, in the cast shots only, keyed by its identity.
        using var folder = new TempFolder();
        var previz = RenderBackends.Previz();
        var backends = new RenderBackends(new Faceless(previz.Keyframes), previz.Refiner, previz.Animator, new LayoutMeter());
        var film = TestFilms.Short();

        var result = await new FilmRenderer(backends).RenderAsync(film, TestFilms.Options(folder.Path));

        foreach (var shot in result.Shots)
        {
            var cast = film.Shots[shot.Index - 1].Characters.Count > 0;
            foreach (var take in shot.Takes)
            {
                output.WriteLine($"{shot.Name} {take.Label}: {take.Qa[RuleIds.QA10]?.ToString() ?? "no QA10"}");
                Assert.Equal(cast, take.Qa[RuleIds.QA10] is not null);
                Assert.Equal(cast, take.Qa.Face is not null);
            }
        }

        Assert.Contains(new LayoutMeter().Identity, BackendIdentities.Of(backends).ToList());
    }

    private sealed class Faceless(IKeyframeGenerator inner) : IKeyframeGenerator
    {
        public BackendIdentity Identity { get; } = inner.Identity with { Id = "faceless-" + inner.Identity.Id };

        public KeyframeImage Generate(KeyframeRequest request, CancellationToken cancellationToken) => inner.Generate(request, cancellationToken) with { Face = null };
    }

    private sealed class LayoutMeter : IFaceMeter
    {
        public BackendIdentity Identity { get; } = new("test-layout-face", "1", []);

        public float[]? Embed(RgbImage frame)
        {
            var yuv = YuvFrame.From(frame);
            return FaceSignature.Of(yuv, new PixelBox(0, 0, frame.Width, frame.Height));
        }
    }

    private static IEnumerable<ShotTake> CastTakes(Film film) =>
        film.Shots.Select((shot, i) => (shot, i)).Where(p => p.shot.Characters.Count > 0)
            .SelectMany(p => ShotTake.Of(p.shot, p.i + 1, Recommended.MaxVersionsPerShot));

    private static RgbImage Scaled(RgbImage image, double gain)
    {
        var copy = new RgbImage(image.Width, image.Height);
        for (var i = 0; i < image.Pixels.Length; i++)
        {
            copy.Pixels[i] = (byte)Math.Round(image.Pixels[i] * gain);
        }

        return copy;
    }
}
