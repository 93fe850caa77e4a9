namespace CineForge.Runtime.Stages.Select.Qa;

/// <summary>
/// The arithmetic of QA10 over L2-normalized face embeddings, whichever meter made them (the previz's
/// <see cref="FaceSignature"/> or a face recognizer): distances, a shot's mean face, drift within a shot
/// and across shots.
/// </summary>
public static class FaceEmbeddings
{
    /// <summary>Cosine distance (1 - cos) between two L2-normalized embeddings: 0 is the same face.</summary>
    public static double Distance(float[] a, float[] b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var dot = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
        }

        return 1 - dot;
    }

    /// <summary>Drift within a shot: the largest distance of any face from the shot's mean face (null with fewer than two faces).</summary>
    public static double? Within(IReadOnlyList<float[]> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        if (faces.Count < 2)
        {
            return null;
        }

        var mean = Mean(faces);
        return faces.Max(f => Distance(f, mean));
    }

    /// <summary>Drift across shots of one character: the largest distance between two shots' mean faces (null with fewer than two shots).</summary>
    public static double? Across(IReadOnlyList<IReadOnlyList<float[]>> shots)
    {
        ArgumentNullException.ThrowIfNull(shots);
        var means = shots.Where(s => s.Count > 0).Select(Mean).ToList();
        double? worst = null;
        for (var i = 0; i < means.Count; i++)
        {
            for (var j = i + 1; j < means.Count; j++)
            {
                worst = Math.Max(worst ?? 0, Distance(means[i], means[j]));
            }
        }

        return worst;
    }

    /// <summary>The normalized mean of <paramref name="faces"/>.</summary>
    public static float[] Mean(IReadOnlyList<float[]> faces)
    {
        ArgumentNullException.ThrowIfNull(faces);
        var mean = new float[faces[0].Length];
        foreach (var face in faces)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += face[i];
            }
        }

        return Normalize(mean);
    }

    /// <summary><paramref name="v"/> scaled to unit length (unchanged when it is all zeros).</summary>
    public static float[] Normalize(float[] v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var norm = Math.Sqrt(v.Sum(x => (double)x * x));
        return norm > 0 ? v.Select(x => (float)(x / norm)).ToArray() : v;
    }
}
