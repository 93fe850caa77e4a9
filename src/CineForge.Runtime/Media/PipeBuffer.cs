using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace CineForge.Runtime.Media;

/// <summary>
/// Widens the pipe to the encoder on Linux. A 1080p frame is 3 MB; through the default 64 KiB pipe
/// it crosses in fifty hand-offs between the two processes, each a wake-up of one side or the other.
/// One megabyte is the largest size an unprivileged process may ask for by default
/// (<c>/proc/sys/fs/pipe-max-size</c>). Where that fails, the pipe stays as it was: only slower.
/// </summary>
internal static partial class PipeBuffer
{
    private const int SetPipeSize = 1031; // F_SETPIPE_SZ
    private const int GetPipeSize = 1032; // F_GETPIPE_SZ

    /// <summary>The size asked for.</summary>
    public const int Size = 1 << 20;

    public static void Widen(Stream stream) => Control(stream, SetPipeSize, Size);

    /// <summary>The pipe's buffer size in bytes; -1 where it cannot be read.</summary>
    public static int SizeOf(Stream stream) => Control(stream, GetPipeSize, 0);

    private static int Control(Stream stream, int command, int argument)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe)
        {
            return -1;
        }

        var added = false;
        try
        {
            pipe.SafePipeHandle.DangerousAddRef(ref added);
            return Fcntl((int)pipe.SafePipeHandle.DangerousGetHandle(), command, argument);
        }
        finally
        {
            if (added)
            {
                pipe.SafePipeHandle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command, int argument);
}
