namespace CineForge.Farm;

/// <summary>
/// Where the farm's PostgreSQL connection string comes from, so a password need not sit on a
/// command line (where every local user's <c>ps</c> and the shell history see it): the
/// <c>--farm</c> value, else the file named by <see cref="FileVariable"/>, else
/// <see cref="Variable"/>. Npgsql's own <c>PGPASSWORD</c> and passfile (<c>~/.pgpass</c>,
/// <c>PGPASSFILE</c>) also work with a connection string that names no password.
/// </summary>
public static class FarmConnection
{
    /// <summary>The environment variable holding the connection string.</summary>
    public const string Variable = "CINEFORGE_FARM";

    /// <summary>The environment variable naming a file whose first line is the connection string.</summary>
    public const string FileVariable = "CINEFORGE_FARM_FILE";

    /// <summary>What to say when no connection string is given.</summary>
    public const string Missing = "the farm's connection string: give --farm \"Host=..;Database=..\", or set " + Variable + ", or name a file holding it in " + FileVariable;

    /// <summary>The connection string, or null when none is given.</summary>
    /// <param name="option">The <c>--farm</c> value, when it has one.</param>
    /// <param name="environment">Reads an environment variable (default: the process's).</param>
    /// <exception cref="FarmException">The file named by <see cref="FileVariable"/> cannot be read, or holds nothing.</exception>
    public static string? Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option;
        }

        if (environment(FileVariable) is { Length: > 0 } file)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new FarmException($"{FileVariable} names {file}, which cannot be read: {ex.Message}", ex);
            }

            return text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'))
                ?? throw new FarmException($"{FileVariable} names {file}, which holds no connection string.");
        }

        return environment(Variable) is { Length: > 0 } value ? value : null;
    }
}
