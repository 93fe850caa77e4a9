using System.Text.Json;
using System.Text.Json.Serialization;

namespace CineForge.Serialization;

/// <summary>
/// The plan as JSON: the settings log. Every resolved value is written, defaults from presets
/// included, in declaration order, so the same plan always gives the same bytes and reads back equal.
/// </summary>
public static class FilmJson
{
    /// <summary>The serializer options the settings log uses.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes <paramref name="film"/> as indented JSON with a trailing newline.</summary>
    public static string Serialize(Film film) => JsonSerializer.Serialize(film, Options) + "\n";

    /// <summary>Reads a film written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a CineForge plan.</exception>
    public static Film Deserialize(string json) => JsonSerializer.Deserialize<Film>(json, Options) ?? throw new JsonException("The JSON holds no film.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            IgnoreReadOnlyProperties = true,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new ValueListConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Reads and writes <see cref="ValueList{T}"/> as a JSON array.</summary>
internal sealed class ValueListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ValueListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ValueList<T>.From(JsonSerializer.Deserialize<T[]>(ref reader, options) ?? Array.Empty<T>());

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
