using System.Globalization;
using System.Text;
using CineForge.Finishing.Edit;
using CineForge.Finishing.Media;
using CineForge.Rules;

namespace CineForge.Finishing.Export;

/// <summary>The 9:16 window of one shot: its left edge in source pixels.</summary>
/// <param name="Shot">The shot.</param>
/// <param name="X">Left edge of the crop in source pixels.</param>
/// <param name="SubjectX">Where the subject was measured, 0..1 of the source width.</param>
public sealed record CropWindow(string Shot, int X, double SubjectX);

/// <summary>
/// The subject-aware 9:16 crop of the mobile export. For each shot, the window is placed where the
/// measured local-contrast energy (the subject's detail) is largest, so the subject stays in frame; it
/// holds still within a shot and moves only at cuts, where a jump is invisible.
/// </summary>
public sealed record MobileCrop(int CropWidth, int CropHeight, int OutputWidth, int OutputHeight, IReadOnlyList<CropWindow> Windows)
{
    /// <summary>Plans the crop of <paramref name="timeline"/> from each shot's <paramref name="statistics"/>.</summary>
    public static MobileCrop Plan(Timeline timeline, IReadOnlyList<ClipStatistics> statistics)
    {
        var size = timeline.Size;
        var cropWidth = Math.Min(size.Width, (int)Math.Round(size.Height * 9.0 / 16 / 2) * 2);
        // A height that divides into 9:16 exactly in whole, even pixels (a multiple of 32), never upscaled.
        var outputHeight = Math.Max(32, size.Height / 32 * 32);
        var outputWidth = outputHeight * 9 / 16;
        var windows = timeline.Entries.Select((e, i) =>
        {
            var energy = statistics[i].ColumnEnergy;
            var span = Math.Max(1, (int)Math.Round(energy.Count * (double)cropWidth / size.Width));
            var best = 0;
            var bestSum = double.MinValue;
            for (var start = 0; start + span <= energy.Count; start++)
            {
                var sum = 0.0;
                for (var x = start; x < start + span; x++)
                {
                    sum += energy[x];
                }

                // Ties go to the window nearest the centre.
                var centred = -Math.Abs((start + (span / 2.0)) - (energy.Count / 2.0)) * 1e-9;
                if (sum + centred > bestSum)
                {
                    bestSum = sum + centred;
                    best = start;
                }
            }

            var x0 = (int)Math.Round((double)best / energy.Count * size.Width);
            return new CropWindow(e.Shot.Name, Math.Clamp(x0, 0, size.Width - cropWidth) & ~1, statistics[i].SubjectX);
        }).ToList();
        return new MobileCrop(cropWidth, size.Height, outputWidth, outputHeight, windows);
    }

    /// <summary>The crop filter: the window's x switches at each cut's frame number.</summary>
    public string Filter(Timeline timeline)
    {
        var x = new StringBuilder();
        for (var i = 0; i < Windows.Count - 1; i++)
        {
            var end = timeline.Entries[i].StartFrame + timeline.Entries[i].Frames;
            x.Append(CultureInfo.InvariantCulture, $"if(lt(n\\,{end})\\,{Windows[i].X}\\,");
        }

        x.Append(Windows.Count == 0 ? 0 : Windows[^1].X);
        x.Append(new string(')', Math.Max(0, Windows.Count - 1)));
        return $"crop=w={CropWidth}:h={CropHeight}:x={x}:y=0,scale={OutputWidth}:{OutputHeight}:flags=lanczos,setsar=1";
    }
}
