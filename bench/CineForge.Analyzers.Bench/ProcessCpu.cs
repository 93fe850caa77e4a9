using System.Diagnostics;
using System.Runtime.InteropServices;

/// <summary>
/// The process's CPU time, all threads, to the nanosecond where the OS offers it. On Linux
/// <see cref="Process.TotalProcessorTime"/> counts 10 ms ticks, a tenth of one compile of the film:
/// too coarse to compare two of them.
/// </summary>
internal static partial class ProcessCpu
{
    private const int ProcessCpuTimeClock = 2; // CLOCK_PROCESS_CPUTIME_ID

    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(ProcessCpuTimeClock, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        return Process.GetCurrentProcess().TotalProcessorTime;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
