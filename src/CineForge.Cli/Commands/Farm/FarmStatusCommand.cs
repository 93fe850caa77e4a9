using System.CommandLine;
using CineForge.Farm;
using Spectre.Console;

namespace CineForge.Cli.Commands.Farm;

/// <summary><c>cineforge farm status --farm "..."</c>: queued, scheduled, running and failed shot jobs per film and shot.</summary>
public sealed class FarmStatusCommand(IAnsiConsole console, TextWriter errors)
{
    /// <summary>The <c>farm</c> command with its <c>status</c> subcommand.</summary>
    public Command Build()
    {
        var farm = new Option<string>("--farm") { Description = "The farm's PostgreSQL connection string.", Required = true };
        var status = new Command("status", "Show the farm's queued, running and failed shot jobs per film and shot.") { farm };
        status.SetAction(parse => Execute(new FarmStatusSettings { Farm = parse.GetRequiredValue(farm) }));
        return new Command("farm", "Inspect a render farm.") { status };
    }

    /// <summary>Prints the status table; returns the exit code.</summary>
    public int Execute(FarmStatusSettings settings)
    {
        try
        {
            var (jobs, workers) = FarmStatus.Read(FarmStorage.Open(settings.Farm));
            console.WriteLine($"{workers} worker{(workers == 1 ? string.Empty : "s")} online, {jobs.Count} shot job{(jobs.Count == 1 ? string.Empty : "s")} queued, running or failed");
            if (jobs.Count > 0)
            {
                var table = new Table().AddColumns("film", "shot", "state", "job", "worker / reason");
                foreach (var job in jobs)
                {
                    table.AddRow(Markup.Escape(job.Film), Markup.Escape(job.Shot), job.State, job.JobId, Markup.Escape(job.Detail));
                }

                console.Write(table);
            }

            return ExitCodes.Success;
        }
        catch (FarmException ex)
        {
            errors.WriteLine("cineforge: " + ex.Message);
            return ExitCodes.Usage;
        }
    }
}
