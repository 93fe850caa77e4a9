using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CineForge.Cli.Tests.Robustness;

/// <summary>
/// Fuzzing by mutation: the example films with lines deleted, duplicated or swapped, text cut,
/// literals replaced by edge values and stray tokens inserted, each checked by the command
/// in-process. Whatever a user can type ends in a diagnostic: no internal error (exit 70), no stack
/// trace, no analyzer crash (AD0001), and every check within the script time limit.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed partial class MutatedFilmTests : IDisposable
{
    /// <summary>Mutants per run; fixed seeds make every run check the same films.</summary>
    private const int Mutants = 500;

    private static readonly string[] Examples = { "cosmetic-ad", "dramatic-short", "mini-case", "mistakes", "design-card" };

    private static readonly string[] EdgeNumbers = { "0", "-1", "-0.0", "1e308", "99999", "0.0001", "double.NaN", "double.PositiveInfinity", "int.MaxValue", "int.MinValue", "2147483648" };

    private static readonly string[] StrayTokens =
    {
        ".Seed(", ")", "null", ".Duration(", "{", "}", ";", "#load \"missing.csx\"\n", "#r \"nuget: Foo, 1.0.0\"\n", "return null;\n", "throw new Exception(\"boom\");\n",
        "Films.Run();\n", ".Shot(null)", ".Cast(null)", ".Grade(null)", ".Variant(\"B\", null)", "default!", "await Task.Delay(1);\n", "#:package CineForge.Sdk@9.9.9\n", "\"", "/*",
    };

    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task MutatedExampleFilms_EndInDiagnostics_NeverInAnInternalError()
    {
        var originals = Examples.Select(e => File.ReadAllText(Repo.PathOf("examples", e, "film.csx"))).ToArray();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        for (var i = 0; i < Mutants; i++)
        {
            var random = new Random(i);
            var (text, how) = Mutate(originals[i % originals.Length], random);
            var folder = Directory.CreateDirectory(temp.Combine("m" + i.ToString("000", CultureInfo.InvariantCulture)));
            var path = Path.Combine(folder.FullName, "film.csx");
            File.WriteAllText(path, text);

            var cli = new TestCli();
            var clock = Stopwatch.StartNew();
            var exitCode = await cli.Cli.InvokeAsync(["check", path, "--no-progress", "--script-timeout", "5"]);
            clock.Stop();
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;

            var output = cli.Console.Output + cli.Errors;
            var problem = exitCode is not (ExitCodes.Success or ExitCodes.FilmErrors or ExitCodes.Usage) ? $"exit {exitCode}"
                : output.Contains("internal error", StringComparison.Ordinal) ? "internal error"
                : StackFrame().IsMatch(output) ? "stack trace"
                : output.Contains("AD0001", StringComparison.Ordinal) ? "analyzer crash (AD0001)"
                : clock.Elapsed > TimeSpan.FromSeconds(60) ? $"took {clock.Elapsed.TotalSeconds:0.0} s"
                : null;
            if (problem is not null)
            {
                failures.Add($"mutant {i} ({Examples[i % Examples.Length]}, {how}): {problem}\n{output}\n--- film ---\n{text}");
            }

            folder.Delete(recursive: true);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {Mutants} mutants broke the command (slowest check {slowest.TotalSeconds:0.0} s):\n\n" + string.Join("\n\n", failures.Take(5)));
    }

    private static (string Text, string How) Mutate(string film, Random random)
    {
        var lines = film.Split('\n').ToList();
        switch (random.Next(8))
        {
            case 0:
                var deleted = random.Next(lines.Count);
                lines.RemoveAt(deleted);
                return (string.Join('\n', lines), $"line {deleted + 1} deleted");
            case 1:
                var cut = random.Next(film.Length);
                return (film[..cut], $"cut at {cut}");
            case 2:
                var copied = random.Next(lines.Count);
                lines.Insert(copied, lines[copied]);
                return (string.Join('\n', lines), $"line {copied + 1} doubled");
            case 3:
                var numbers = Number().Matches(film);
                if (numbers.Count == 0)
                {
                    goto default;
                }

                var number = numbers[random.Next(numbers.Count)];
                var edge = EdgeNumbers[random.Next(EdgeNumbers.Length)];
                return (film[..number.Index] + edge + film[(number.Index + number.Length)..], $"{number.Value} -> {edge} at {number.Index}");
            case 4:
                var from = random.Next(film.Length);
                var length = Math.Min(film.Length - from, 1 + random.Next(20));
                return (film.Remove(from, length), $"{length} chars deleted at {from}");
            case 5:
                var strings = Text().Matches(film);
                if (strings.Count == 0)
                {
                    goto default;
                }

                var literal = strings[random.Next(strings.Count)];
                var replacement = random.Next(3) switch { 0 => "\"\"", 1 => "\"" + new string('x', 5000) + "\"", _ => "\"   \"" };
                return (film[..literal.Index] + replacement + film[(literal.Index + literal.Length)..], $"string at {literal.Index} replaced");
            case 6:
                var first = random.Next(lines.Count - 1);
                (lines[first], lines[first + 1]) = (lines[first + 1], lines[first]);
                return (string.Join('\n', lines), $"lines {first + 1} and {first + 2} swapped");
            default:
                var at = random.Next(film.Length);
                var token = StrayTokens[random.Next(StrayTokens.Length)];
                return (film[..at] + token + film[at..], $"'{token.Trim()}' inserted at {at}");
        }
    }

    [GeneratedRegex(@"(?<![\w.])\d+(\.\d+)?(?![\w.])")]
    private static partial Regex Number();

    [GeneratedRegex(@"""[^""\n]*""")]
    private static partial Regex Text();

    [GeneratedRegex(@"^\s+at \S+\(", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
