using System.Text;
using System.Text.Json;

namespace CineForge.Onnx.Tests.Tokenizer;

/// <summary>
/// Writes a CLIP-shaped vocabulary the way CLIP builds its own: the 256 byte characters, the same
/// with "&lt;/w&gt;", one token per merge in merge order, then the start and end tokens.
/// </summary>
public static class TinyClipVocab
{
    public static readonly string[] Merges = ["h e", "l l", "he ll", "hell o</w>", "w o", "wo r", "wor l", "worl d</w>"];

    /// <summary>Id of the end token: the last one written.</summary>
    public static int EndId => (2 * 256) + Merges.Length + 1;

    public static Dictionary<string, int> Write(string folder, string? padToken = null)
    {
        Directory.CreateDirectory(folder);
        var tokens = new List<string>();
        var bytes = ByteCharacters();
        tokens.AddRange(bytes);
        tokens.AddRange(bytes.Select(c => c + "</w>"));
        tokens.AddRange(Merges.Select(m => m.Replace(" ", string.Empty, StringComparison.Ordinal)));
        tokens.Add("<|startoftext|>");
        tokens.Add("<|endoftext|>");
        var vocab = tokens.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i);

        File.WriteAllText(Path.Combine(folder, "vocab.json"), JsonSerializer.Serialize(vocab));
        File.WriteAllText(Path.Combine(folder, "merges.txt"), "#version: 0.2\n" + string.Join('\n', Merges) + "\n");
        if (padToken is not null)
        {
            File.WriteAllText(Path.Combine(folder, "special_tokens_map.json"), JsonSerializer.Serialize(new { pad_token = padToken }));
        }

        return vocab;
    }

    // CLIP's bytes_to_unicode: printable Latin-1 bytes map to themselves, the rest to 256 + n.
    private static List<string> ByteCharacters()
    {
        var printable = Enumerable.Range('!', '~' - '!' + 1).Concat(Enumerable.Range('¡', '¬' - '¡' + 1)).Concat(Enumerable.Range('®', 'ÿ' - '®' + 1)).ToHashSet();
        var next = 0;
        var result = new List<string>();
        for (var b = 0; b < 256; b++)
        {
            result.Add(printable.Contains(b) ? ((char)b).ToString() : ((char)(256 + next++)).ToString());
        }

        return result;
    }

    public static string ByteChar(byte b) => ByteCharacters()[b];

    public static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
