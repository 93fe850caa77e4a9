namespace CineForge.Runtime.Locking;

/// <summary>
/// What a locked render (<see cref="RenderOptions.Locked"/>) found against the committed lock: one
/// <see cref="LockMismatch"/> per artefact or setting that differs from it or is missing from it.
/// The lock itself is never written by a locked render.
/// </summary>
/// <param name="LockFile">The committed lock file compared against (full path).</param>
/// <param name="Mismatches">Each difference, film settings first, then shot by shot, in lock order.</param>
public sealed record LockVerification(string LockFile, IReadOnlyList<LockMismatch> Mismatches)
{
    /// <summary>True when everything made matches the lock.</summary>
    public bool Holds => Mismatches.Count == 0;
}

/// <summary>One artefact or setting whose made value differs from the committed lock.</summary>
/// <param name="Path">Where it sits in the lock: <c>shots[2].takes[0]</c> for a take's clip, <c>shots[2]</c> for a shot's selection, the setting's own path (<c>encoding.crf</c>) for a film setting.</param>
/// <param name="Subject">What it is, for people: <c>shots[2] 'serum-drop' take A clip 03-serum-drop/A-seed42.mp4</c>, or the setting's path.</param>
/// <param name="Detail">How it differs: <c>hash 3f9a… in film.lock.json, 7c1e… rendered</c>, <c>not in film.lock.json</c>, or several such parts joined by "; ".</param>
public sealed record LockMismatch(string Path, string Subject, string Detail)
{
    /// <summary>One line: <c>Subject: Detail</c>.</summary>
    public override string ToString() => $"{Subject}: {Detail}";
}

/// <summary>A locked render cannot start: its lock file is missing or unreadable. Nothing was rendered and nothing was written.</summary>
public sealed class LockFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="lockFile"/>.</summary>
    public LockFileException(string lockFile, string message, Exception? inner = null)
        : base(message, inner) => LockFile = lockFile;

    /// <summary>The lock file that was asked for (full path).</summary>
    public string LockFile { get; }
}
