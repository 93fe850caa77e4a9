using System.Diagnostics;
using CineForge.Runtime.Media;

namespace CineForge.Runtime.Tests.Media;

public sealed class PipeBufferTests
{
    [Fact]
    // Linux: the pipe size is a Linux setting, and the renders run there.
    public void Widen_GivesAChildsStdinAOneMegabyteBuffer()
    {
        using var child = Process.Start(new ProcessStartInfo("cat") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var input = child.StandardInput.BaseStream;
        var before = PipeBuffer.SizeOf(input);

        PipeBuffer.Widen(input);

        Assert.True(before > 0 && before < PipeBuffer.Size, $"default pipe size {before}");
        Assert.Equal(PipeBuffer.Size, PipeBuffer.SizeOf(input));
        child.StandardInput.Close();
        child.WaitForExit();
    }
}
