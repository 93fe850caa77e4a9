using System.Globalization;
using System.Text.Json;
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
/// <param name="Shots">Per-shot entries.</param>
public sealed record FilmLock(string Film, string Runtime, string Ffmpeg, ClipEncoding Encoding, BackendIdentity Keyframes, BackendIdentity Refiner, BackendIdentity Animator, string? ForcedResolution, IReadOnlyList<ShotLock> Shots)
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
