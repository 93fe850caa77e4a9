using System.CommandLine;
using CineForge.Cli.Commands.Render;
using CineForge.Cli.Commands.Worker;
using CineForge.Farm;
using Spectre.Console;

namespace CineForge.Cli.Tests.Commands;

/// <summary>Option values are checked while the arguments are read: a bad one is a usage error naming the option, before any check or render work.</summary>
public sealed class OptionParsingTests
{
    private static readonly string Film = Repo.PathOf("examples", "mini-case", "film.csx");

    [Theory]
    [InlineData("--resolution", "191x108", "cineforge: --resolution must be WxH with even numbers (1536x864); got '191x108'.")]
    [InlineData("--resolution", "320", "cineforge: --resolution must be WxH with even numbers (1536x864); got '320'.")]
    [InlineData("--resolution", "0x180", "cineforge: --resolution must be WxH with even numbers (1536x864); got '0x180'.")]
    [InlineData("--parallel", "0", "cineforge: --parallel takes a whole number of at least 1; got '0'.")]
    [InlineData("--parallel", "two", "cineforge: --parallel takes a whole number of at least 1; got 'two'.")]
    [InlineData("--script-timeout", "0", "cineforge: --script-timeout takes a number of seconds above 0 and at most 86400; got '0'.")]
    [InlineData("--script-timeout", "100000", "cineforge: --script-timeout takes a number of seconds above 0 and at most 86400; got '100000'.")]
    public async Task Render_BadValue_IsAUsageError_NamingTheOption_BeforeAnyWork(string option, string value, string error)
    {
        var renderer = new RecordingRenderer();
        var cli = new TestCli(renderer);

        var exitCode = await cli.Cli.InvokeAsync(new[] { "render", Film, "--no-cache", option, value });

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal(error, cli.Errors.ToString().Split('\n')[0].TrimEnd('\r'));
        Assert.Empty(renderer.Requests);
        Assert.Empty(cli.Console.Output);
    }

    [Theory]
    [InlineData(new[] { "worker", "--lease", "0" }, "cineforge: --lease takes a whole number of at least 1; got '0'.")]
    [InlineData(new[] { "worker", "--queues", "gpu,tpu" }, "cineforge: --queues: Unknown queue(s): tpu; the farm's queues are gpu, cpu.")]
    [InlineData(new[] { "lsp", "--debounce", "-5" }, "cineforge: --debounce takes a whole number of at least 0; got '-5'.")]
    [InlineData(new[] { "check", "FILM", "--format", "html" }, "cineforge: --format takes text or sarif; got 'html'.")]
    [InlineData(new[] { "check", "FILM", "--format", "1" }, "cineforge: --format takes text or sarif; got '1'.")]
    [InlineData(new[] { "new", "a/b" }, "cineforge: 'a/b' is not a film name: use letters, digits and dashes (it becomes a folder name)")]
    public async Task OtherCommands_BadValue_IsAUsageError_NamingIt(string[] args, string error)
    {
        var cli = new TestCli();

        var exitCode = await cli.Cli.InvokeAsync(args.Select(a => a == "FILM" ? Film : a).ToArray());

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith(error, cli.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BindsEveryOption_IntoItsSetting()
    {
        var settings = Bind(RenderSettings.CommandLine, "render", "film.csx", "--out", "o", "--warnaserror", "--parallel", "4", "--ffmpeg", "/opt/ffmpeg", "--resolution", "640x360", "--lock", "l.json", "--locked", "--models", "m", "--farm", "Host=db", "-v", "--no-progress", "--no-cache", "--script-timeout", "9");

        Assert.Equal(
            new RenderSettings
            {
                Film = "film.csx",
                OutputDirectory = "o",
                WarnAsError = true,
                Parallel = 4,
                Ffmpeg = "/opt/ffmpeg",
                Resolution = new Rules.FrameSize(640, 360),
                LockFile = "l.json",
                Locked = true,
                Models = "m",
                Farm = "Host=db",
                Global = new GlobalSettings { Verbose = true, NoProgress = true, NoCache = true, RunTimeout = TimeSpan.FromSeconds(9) },
            },
            settings);
    }

    [Fact]
    public void Render_Defaults_WhenNoOptionIsGiven()
    {
        var settings = Bind(RenderSettings.CommandLine, "render", "film.csx");

        Assert.Equal(1, settings.Parallel);
        Assert.Null(settings.Resolution);
        Assert.Null(settings.Farm);
        Assert.Equal(GlobalSettings.Default, settings.Global);
    }

    [Fact]
    public void Render_FarmWithoutValue_IsEmpty_SoTheEnvironmentGivesTheConnection()
    {
        var settings = Bind(RenderSettings.CommandLine, "render", "film.csx", "--farm", "--no-cache");

        Assert.Equal(string.Empty, settings.Farm);
        Assert.True(settings.Global.NoCache);
    }

    [Fact]
    public void Worker_Queues_AreParsedWhileReadingTheArguments()
    {
        var settings = Bind(_ => WorkerSettings.CommandLine(), "worker", "--queues", "CPU", "--lease", "60");

        Assert.Equal([FarmQueues.Cpu], settings.Queues);
        Assert.Equal(60, settings.LeaseSeconds);
        Assert.Equal(FarmQueues.All, Bind(_ => WorkerSettings.CommandLine(), "worker").Queues);
    }

    // The settings' own command under a root that carries the global options, as CineForgeCli builds it.
    private static TSettings Bind<TSettings>(Func<GlobalOptions, CommandSettings<TSettings>> declare, string name, params string[] args)
        where TSettings : class
    {
        var root = new RootCommand();
        var global = new GlobalOptions();
        global.AddTo(root);
        var line = declare(global);
        root.Add(line.Command(name, name, _ => 0));
        var parse = root.Parse([name, .. args]);
        Assert.Empty(parse.Errors);
        return line.Bind(parse);
    }

    private sealed class RecordingRenderer : IFilmRenderer
    {
        public List<RenderRequest> Requests { get; } = new();

        public Task<int> RenderAsync(RenderRequest request, IAnsiConsole console, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(ExitCodes.Success);
        }
    }
}
