using CineForge.Farm;

namespace CineForge.Cli;

/// <summary>Turns the <c>--farm</c> option into the farm's connection string, for every farm command (render, worker, farm status).</summary>
public static class FarmInput
{
    /// <summary>The connection string from <c>--farm</c> or the environment (<see cref="FarmConnection"/>); null, after writing why to <paramref name="errors"/>, when there is none.</summary>
    public static string? ResolveOrReport(string? option, TextWriter errors)
    {
        try
        {
            if (FarmConnection.Resolve(option) is { } connectionString)
            {
                return connectionString;
            }

            errors.WriteLine("cineforge: --farm needs " + FarmConnection.Missing + ".");
        }
        catch (FarmException ex)
        {
            errors.WriteLine("cineforge: " + ex.Message);
        }

        return null;
    }
}
