namespace CineForge.Cli;

/// <summary>The exit codes of <c>cineforge</c>, documented in docs/cli.md and in <c>--help</c>.</summary>
public static class ExitCodes
{
    /// <summary>Clean: no error (warnings allowed unless --warnaserror).</summary>
    public const int Success = 0;

    /// <summary>The film has errors: compile errors, rule errors (analyzers or validation), warnings under --warnaserror, or a script that cannot run (throws, declares no film, #load cycle, unknown package).</summary>
    public const int FilmErrors = 1;

    /// <summary>Usage or bad input: unknown option, missing or unreadable film file, not a .csx/.cs file, a folder that already exists for <c>new</c>, a model folder that <c>models check</c> cannot load.</summary>
    public const int Usage = 2;

    /// <summary><c>render</c> on a valid film, but this build carries no render runtime.</summary>
    public const int RenderUnavailable = 3;

    /// <summary>The render started and failed: a shot, a tool, or a file or folder it could not write, late ones included; the message names the stage and the path.</summary>
    public const int RenderFailed = 4;

    /// <summary><c>render --locked</c>: what the render made differs from the committed lock file or is missing from it, or there is no lock file; the lock was not rewritten.</summary>
    public const int LockMismatch = 5;

    /// <summary>An unexpected failure inside cineforge itself before any render work (a bug: please report it with --verbose output); never a film, file or option a user wrote.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by SIGINT (Ctrl+C) or SIGTERM: the command stopped, killed its ffmpeg processes, removed its temporary files and staging folders and released the render lock (<see cref="TerminationSignals"/>).</summary>
    public const int Cancelled = 130;

    /// <summary>The table printed under <c>--help</c>.</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Table = new[]
    {
        (Success, "clean: no errors (warnings allowed unless --warnaserror)"),
        (FilmErrors, "the film has errors: compile or rule errors, --warnaserror warnings, a script that throws, declares no film, has a #load cycle or asks for an unknown package"),
        (Usage, "usage or bad input: unknown option, missing file, not a .csx/.cs film, target folder not empty, a model folder that cannot be loaded"),
        (RenderUnavailable, "render: the film is valid but this build has no render runtime"),
        (RenderFailed, "render: the render started and failed (the message names the stage and the path)"),
        (LockMismatch, "render --locked: an artefact or setting differs from the lock file or is missing from it, or there is no lock file (the lock is never rewritten)"),
        (InternalError, "internal error in cineforge (a bug; --verbose shows the stack trace)"),
        (Cancelled, "interrupted (Ctrl+C, SIGINT or SIGTERM): stopped and cleaned up; the same command resumes"),
    };
}
