using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using CineForge.Runtime.Media;
using CineForge.Runtime.Stages;
using CineForge.Serialization;

namespace CineForge.Runtime.Locking;

/// <summary>
/// <c>film.lock.json</c>: the resolved settings, cache keys, output hashes, backend and tool
/// versions of a render. Committed next to the film, it lets a later render from git say exactly
/// what changed.
/// </summary>
/// <param name="Film">Film title.</param>
/// <param name="Runtime">CineForge runtime version.</param>
/// <param name="Ffmpeg">ffmpeg version.</param>
/// <param name="Encoding">Clip encoder settings.</param>
/// <param name="Keyframes">Keyframe backend.</param>
/// <param name="Refiner">img2img backend.</param>
/// <param name="Animator">Animation backend.</param>
/// <param name="ForcedResolution">Forced frame size, or null.</param>
/// <param name="Assets">Every asset file the film names (<see cref="FilmAssets.Of"/>) with the hash of its bytes: a LUT or a sound changed under the same name is a change of the film.</param>
/// <param name="Shots">Per-shot entries.</param>
public sealed partial record FilmLock(string Film, string Runtime, string Ffmpeg, ClipEncoding Encoding, BackendIdentity Keyframes, BackendIdentity Refiner, BackendIdentity Animator, string? ForcedResolution, IReadOnlyList<AssetLock> Assets, IReadOnlyList<ShotLock> Shots)
{
    /// <summary>Writes the lock as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, FilmJson.Options) + "\n";

    /// <summary>Reads the lock at <paramref name="path"/>, or null when there is none or it is unreadable.</summary>
    public static JsonNode? ReadNode(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Name of the provenance entries: who made an artefact is not a setting, so it is never a change.</summary>
    public const string MadeByName = "madeBy";

    /// <summary>
    /// The settings that differ between <paramref name="previous"/> and this lock, one line each
    /// ("shots[2].takes[0].motion: 0.35 -> 0.4"). Who made an artefact (<see cref="MadeByName"/>) is
    /// left out: the same bytes made on another worker are no change.
    /// </summary>
    public IReadOnlyList<string> ChangesSince(JsonNode? previous)
    {
        if (previous is null)
        {
            return Array.Empty<string>();
        }

        var before = Flatten(previous);
        var after = Flatten(JsonNode.Parse(ToJson())!);
        var changes = new List<string>();
        foreach (var (path, value) in after)
        {
            if (!before.TryGetValue(path, out var old))
            {
                changes.Add($"{path}: added {value}");
            }
            else if (old != value)
            {
                changes.Add($"{path}: {old} -> {value}");
            }
        }

        changes.AddRange(before.Keys.Where(k => !after.ContainsKey(k)).Select(k => $"{k}: removed (was {before[k]})"));
        return changes;
    }

    /// <summary>Reads the committed lock at <paramref name="path"/> for a locked render.</summary>
    /// <exception cref="LockFileException">There is no file at <paramref name="path"/>, or it is not a JSON object.</exception>
    public static JsonNode ReadCommitted(string path)
    {
        if (!File.Exists(path))
        {
            throw new LockFileException(path, $"no lock file at {path}");
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new LockFileException(path, $"{path} is not a lock file: its JSON is not an object");
        }
        catch (JsonException ex)
        {
            throw new LockFileException(path, $"{path} is not valid JSON: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new LockFileException(path, $"{path} cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Compares this lock (what a render made) with <paramref name="committed"/> (the lock read from
    /// <paramref name="lockFile"/>): one <see cref="LockMismatch"/> per film setting that differs, per
    /// shot whose selection (or name, or position) differs or that only one side has, and per take
    /// whose clip (hash, cache key, seed, passes, path) differs or that only one side has. Who made an
    /// artefact (<see cref="MadeByName"/>) is left out, as in <see cref="ChangesSince"/>.
    /// </summary>
    public LockVerification Verify(JsonNode committed, string lockFile)
    {
        ArgumentNullException.ThrowIfNull(committed);
        var lockName = Path.GetFileName(lockFile);
        var before = Flatten(committed);
        var after = Flatten(JsonNode.Parse(ToJson())!);
        var groups = new SortedDictionary<(int Shot, int Take, string Setting), List<string>>(Comparer<(int Shot, int Take, string Setting)>.Create(
            (x, y) => x.Shot != y.Shot ? x.Shot.CompareTo(y.Shot) : x.Take != y.Take ? x.Take.CompareTo(y.Take) : string.CompareOrdinal(x.Setting, y.Setting)));
        foreach (var path in before.Keys.Union(after.Keys, StringComparer.Ordinal))
        {
            if (before.TryGetValue(path, out var old) && after.TryGetValue(path, out var made) && old == made)
            {
                continue;
            }

            var match = ArtefactPath().Match(path);
            var key = match.Success
                ? (Number(match.Groups[1].Value), match.Groups[2].Success ? Number(match.Groups[2].Value) : -1, string.Empty)
                : (-1, -1, path);
            if (!groups.TryGetValue(key, out var fields))
            {
                groups[key] = fields = new List<string>();
            }

            fields.Add(match.Success ? match.Groups[3].Value : path);
        }

        var mismatches = new List<LockMismatch>();
        foreach (var ((shot, take, setting), fields) in groups)
        {
            if (shot < 0)
            {
                // An asset's line names its file.
                var asset = AssetEntry().Match(setting);
                var named = asset.Success ? $"{setting} ({Text(after.GetValueOrDefault(asset.Groups[1].Value + ".path") ?? before.GetValueOrDefault(asset.Groups[1].Value + ".path"))})" : setting;
                mismatches.Add(new LockMismatch(setting, named, Difference(before.GetValueOrDefault(setting), after.GetValueOrDefault(setting), lockName)));
                continue;
            }

            var shotPath = string.Create(CultureInfo.InvariantCulture, $"shots[{shot}]");
            var shotName = Text(after.GetValueOrDefault(shotPath + ".name") ?? before.GetValueOrDefault(shotPath + ".name"));
            var shotSubject = $"{shotPath} '{shotName}'";
            if (take >= 0 && (!Has(before, shotPath) || !Has(after, shotPath)))
            {
                continue; // the shot's own line says the whole shot is missing on one side
            }

            var path = take < 0 ? shotPath : string.Create(CultureInfo.InvariantCulture, $"{shotPath}.takes[{take}]");
            var subject = shotSubject;
            if (take >= 0)
            {
                var label = Text(after.GetValueOrDefault(path + ".label") ?? before.GetValueOrDefault(path + ".label"));
                var clip = Text(after.GetValueOrDefault(path + ".clip") ?? before.GetValueOrDefault(path + ".clip"));
                subject = $"{shotSubject} take {label} clip {clip}";
            }

            string detail;
            if (!Has(before, path))
            {
                detail = $"not in {lockName}";
            }
            else if (!Has(after, path))
            {
                detail = $"in {lockName}, not rendered";
            }
            else
            {
                detail = string.Join("; ", fields
                    .OrderBy(f => f == "clipSha256" ? 0 : 1)
                    .ThenBy(f => f, StringComparer.Ordinal)
                    .Select(f => (f == "clipSha256" ? "hash " : f + " ") + Difference(before.GetValueOrDefault(path + "." + f), after.GetValueOrDefault(path + "." + f), lockName)));
            }

            mismatches.Add(new LockMismatch(path, subject, detail));
        }

        return new LockVerification(Path.GetFullPath(lockFile), mismatches);
    }

    [GeneratedRegex(@"^shots\[(\d+)\](?:\.takes\[(\d+)\])?\.(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArtefactPath();

    [GeneratedRegex(@"^(assets\[\d+\])\.", RegexOptions.CultureInvariant)]
    private static partial Regex AssetEntry();

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static bool Has(SortedDictionary<string, string> leaves, string prefix) => leaves.Keys.Any(k => k.StartsWith(prefix + ".", StringComparison.Ordinal));

    // "X in film.lock.json, Y rendered", with long hex values cut where they still show the difference.
    private static string Difference(string? locked, string? made, string lockName)
    {
        var (a, b) = (locked is null ? null : Text(locked), made is null ? null : Text(made));
        if (a is not null && b is not null && IsHex(a) && IsHex(b))
        {
            var common = 0;
            while (common < Math.Min(a.Length, b.Length) && a[common] == b[common])
            {
                common++;
            }

            var keep = Math.Max(12, common + 4);
            (a, b) = (Cut(a, keep), Cut(b, keep));
        }

        return (a, b) switch
        {
            (null, _) => $"not in {lockName}, {b} rendered",
            (_, null) => $"{a} in {lockName}, not rendered",
            _ => $"{a} in {lockName}, {b} rendered",
        };
    }

    private static bool IsHex(string text) => text.Length > 16 && text.All(char.IsAsciiHexDigit);

    private static string Cut(string text, int keep) => text.Length > keep ? text[..keep] + "…" : text;

    // A leaf as people read it: strings without their quotes.
    private static string Text(string? json)
    {
        if (json is null)
        {
            return "?";
        }

        return JsonNode.Parse(json) is JsonValue value && value.TryGetValue<string>(out var text) ? text : json;
    }

    private static SortedDictionary<string, string> Flatten(JsonNode node)
    {
        var leaves = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (name, child) in o.Where(p => p.Key != MadeByName))
                    {
                        Walk(child, path.Length == 0 ? name : path + "." + name);
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        Walk(a[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"));
                    }

                    break;
                default:
                    leaves[path] = n?.ToJsonString() ?? "null";
                    break;
            }
        }

        Walk(node, string.Empty);
        return leaves;
    }
}

/// <summary>One asset file in the lock.</summary>
/// <param name="Path">The file as the film names it, relative to the asset root, with forward slashes.</param>
/// <param name="Sha256">The hash of its bytes.</param>
public sealed record AssetLock(string Path, string Sha256)
{
    /// <summary>The lock entries of <paramref name="film"/>'s assets under <paramref name="assetRoot"/>, each file once.</summary>
    public static IReadOnlyList<AssetLock> Of(Film film, string assetRoot) => FilmAssets.Of(film)
        .Select(a => a.Path).Distinct(StringComparer.Ordinal)
        .Select(p => new AssetLock(p.Replace('\\', '/'), Cache.ArtefactKey.HashFile(System.IO.Path.GetFullPath(System.IO.Path.Combine(assetRoot, p)))))
        .ToList();
}

/// <summary>One shot in the lock.</summary>
/// <param name="Index">1-based position.</param>
/// <param name="Name">Shot name.</param>
/// <param name="Selected">The kept take, or null when rejected.</param>
/// <param name="Takes">Each take.</param>
/// <param name="MadeBy">Who made the selection (<c>shot.json</c>): a farm worker, or "local:" and the host; null when unrecorded.</param>
public sealed record ShotLock(int Index, string Name, string? Selected, IReadOnlyList<TakeLock> Takes, string? MadeBy);

/// <summary>One take in the lock.</summary>
/// <param name="Label">"A" or "B".</param>
/// <param name="Seed">Seed.</param>
/// <param name="Clip">Named clip, relative to the film folder.</param>
/// <param name="ClipKey">Cache key of the clip.</param>
/// <param name="ClipSha256">SHA-256 of the clip.</param>
/// <param name="CorrectionPasses">img2img passes.</param>
/// <param name="MadeBy">Who made the take's keyframe and clip.</param>
public sealed record TakeLock(string Label, int Seed, string Clip, string ClipKey, string ClipSha256, int CorrectionPasses, TakeMadeBy MadeBy);
