using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CineForge.Serialization;

namespace CineForge.Runtime.Cache;

/// <summary>
/// Builds the content address of an artefact: SHA-256 over named inputs, each written as canonical
/// JSON (the plan's own serializer, so a value always prints the same). Two artefacts share a key
/// only when everything that made them is equal.
/// </summary>
public sealed class ArtefactKey
{
    private readonly StringBuilder text = new();

    private ArtefactKey(string kind) => Add("kind", kind);

    /// <summary>Starts the key of an artefact of <paramref name="kind"/> ("keyframe", "clip", "qa").</summary>
    public static ArtefactKey For(string kind) => new(kind);

    /// <summary>Adds an input.</summary>
    public ArtefactKey Add<T>(string name, T value)
    {
        text.Append(name).Append('=').Append(JsonSerializer.Serialize(value, FilmJson.Options).Replace("\r\n", "\n", StringComparison.Ordinal)).Append('\n');
        return this;
    }

    /// <summary>Adds a file's bytes (their SHA-256) as an input: the key follows its content, not its name.</summary>
    public ArtefactKey AddFile(string name, string path) => Add(name, "sha256:" + HashFile(path));

    /// <summary>The hex SHA-256 of the inputs.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

    /// <summary>The hex SHA-256 of a file's bytes.</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
