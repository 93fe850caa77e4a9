using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace CineForge.Onnx.Tokenizer;

/// <summary>
/// CLIP's byte-level BPE (Radford et al. 2021), as the Stable Diffusion text encoders were trained
/// with: HTML entities unescaped, whitespace collapsed, lower case; split by CLIP's pattern; each
/// piece's UTF-8 bytes mapped to printable characters and merged by rank with "&lt;/w&gt;" marking the end
/// of a word (Microsoft.ML.Tokenizers' BPE does the merging). A sequence is start token, at most
/// <see cref="ContentLimit"/> prompt tokens, end token, then padding to <see cref="SequenceLength"/>.
/// </summary>
public sealed partial class ClipTokenizer
{
    /// <summary>Tokens the text encoders read.</summary>
    public const int SequenceLength = 77;

    /// <summary>Prompt tokens that fit between the start and end tokens.</summary>
    public const int ContentLimit = SequenceLength - 2;

    /// <summary>CLIP's start-of-text token.</summary>
    public const string StartToken = "<|startoftext|>";

    /// <summary>CLIP's end-of-text token (also the padding of the SD 1.x tokenizer).</summary>
    public const string EndToken = "<|endoftext|>";

    // CLIP's merges.txt is read up to 49152 - 256 - 2 merges (its vocabulary size less bytes and the two specials).
    private const int MergeLimit = 49152 - 256 - 2;

    private readonly BpeTokenizer bpe;

    private ClipTokenizer(BpeTokenizer bpe, int startId, int endId, int padId)
    {
        this.bpe = bpe;
        StartId = startId;
        EndId = endId;
        PadId = padId;
    }

    /// <summary>Id of <see cref="StartToken"/>.</summary>
    public int StartId { get; }

    /// <summary>Id of <see cref="EndToken"/>.</summary>
    public int EndId { get; }

    /// <summary>Id the sequence is padded with: the folder's pad token, <see cref="EndToken"/> when it names none.</summary>
    public int PadId { get; }

    /// <summary>
    /// Reads <c>vocab.json</c> and <c>merges.txt</c> from <paramref name="folder"/> (a model's
    /// <c>tokenizer/</c> or <c>tokenizer_2/</c>), and the pad token from <c>special_tokens_map.json</c>
    /// or <c>tokenizer_config.json</c> when present.
    /// </summary>
    /// <exception cref="ModelFolderException">A file is missing, malformed, or lacks a token CLIP needs.</exception>
    public static ClipTokenizer Load(string folder)
    {
        var vocabPath = Path.Combine(folder, "vocab.json");
        var mergesPath = Path.Combine(folder, "merges.txt");
        var vocab = ReadVocab(vocabPath);
        var merges = ReadMerges(mergesPath);
        var padToken = ReadPadToken(folder) ?? EndToken;

        var startId = Require(vocab, StartToken, vocabPath);
        var endId = Require(vocab, EndToken, vocabPath);
        var padId = Require(vocab, padToken, vocabPath);
        var specials = new Dictionary<string, int> { [StartToken] = startId, [EndToken] = endId };

        var options = new BpeOptions(vocab)
        {
            Merges = merges,
            SpecialTokens = specials,
            Normalizer = new ClipNormalizer(),
            PreTokenizer = new RegexPreTokenizer(ClipPattern(), specials),
            EndOfWordSuffix = "</w>",
            ByteLevel = true,
        };

        return new ClipTokenizer(BpeTokenizer.Create(options), startId, endId, padId);
    }

    /// <summary>
    /// Tokenizes <paramref name="prompt"/> into <see cref="SequenceLength"/> ids. Tokens past
    /// <see cref="ContentLimit"/> do not fit; the result says how many and which words they were.
    /// </summary>
    public TokenizedPrompt Encode(string prompt)
    {
        var tokens = bpe.EncodeToTokens(prompt, out var normalized);
        var ids = new int[SequenceLength];
        ids[0] = StartId;
        var kept = Math.Min(tokens.Count, ContentLimit);
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = tokens[i].Id;
        }

        ids[kept + 1] = EndId;
        for (var i = kept + 2; i < SequenceLength; i++)
        {
            ids[i] = PadId;
        }

        string? dropped = null;
        if (tokens.Count > ContentLimit)
        {
            var text = normalized ?? prompt;
            var from = tokens[ContentLimit].Offset.Start.GetOffset(text.Length);
            dropped = text[from..];
        }

        return new TokenizedPrompt(ids, tokens.Count, dropped);
    }

    private static Dictionary<string, int> ReadVocab(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFolderException(path, "is missing; expected CLIP's vocabulary (a JSON object of token to id).");
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, int>>(File.ReadAllText(path))
                ?? throw new ModelFolderException(path, "is empty; expected a JSON object of token to id.");
        }
        catch (JsonException e)
        {
            throw new ModelFolderException(path, $"is not a JSON object of token to id ({e.Message}).");
        }
    }

    private static List<string> ReadMerges(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFolderException(path, "is missing; expected CLIP's BPE merges (\"#version\" line, then one \"a b\" pair per line).");
        }

        var merges = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.StartsWith("#version", StringComparison.Ordinal) || line.Length == 0)
            {
                continue;
            }

            if (line.Split(' ').Length != 2)
            {
                throw new ModelFolderException(path, $"line {lineNumber} is \"{line}\"; expected two symbols separated by one space.");
            }

            if (merges.Count == MergeLimit)
            {
                break;
            }

            merges.Add(line);
        }

        return merges;
    }

    private static string? ReadPadToken(string folder)
    {
        foreach (var name in new[] { "special_tokens_map.json", "tokenizer_config.json" })
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            if (doc.RootElement.TryGetProperty("pad_token", out var pad))
            {
                if (pad.ValueKind == JsonValueKind.String)
                {
                    return pad.GetString();
                }

                if (pad.ValueKind == JsonValueKind.Object && pad.TryGetProperty("content", out var content))
                {
                    return content.GetString();
                }
            }
        }

        return null;
    }

    private static int Require(Dictionary<string, int> vocab, string token, string path) =>
        vocab.TryGetValue(token, out var id) ? id : throw new ModelFolderException(path, $"has no \"{token}\" token; a CLIP vocabulary needs it.");

    [GeneratedRegex(@"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClipPattern();

    /// <summary>CLIP's text cleanup: HTML entities unescaped (twice, as CLIP does), whitespace collapsed and trimmed, lower case.</summary>
    private sealed partial class ClipNormalizer : Normalizer
    {
        public override string Normalize(string original) => Clean(original);

        public override string Normalize(ReadOnlySpan<char> original) => Clean(original.ToString());

        private static string Clean(string text) =>
            Whitespace().Replace(WebUtility.HtmlDecode(WebUtility.HtmlDecode(text)), " ").Trim().ToLowerInvariant();

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();
    }
}

/// <summary>A prompt as the text encoder reads it.</summary>
/// <param name="Ids">The <see cref="ClipTokenizer.SequenceLength"/> ids: start, prompt tokens, end, padding.</param>
/// <param name="PromptTokens">Tokens the prompt made, including those that did not fit.</param>
/// <param name="DroppedText">The normalized text whose tokens did not fit, or null when all fit.</param>
public sealed record TokenizedPrompt(IReadOnlyList<int> Ids, int PromptTokens, string? DroppedText)
{
    /// <summary>Whether tokens were left out.</summary>
    public bool Truncated => DroppedText is not null;

    /// <summary>Tokens left out.</summary>
    public int DroppedTokens => Math.Max(PromptTokens - ClipTokenizer.ContentLimit, 0);

    /// <summary>Index of the end token (the pooled output of CLIP is read there).</summary>
    public int EndIndex => Math.Min(PromptTokens, ClipTokenizer.ContentLimit) + 1;
}
