using CineForge.Onnx.Tokenizer;

namespace CineForge.Onnx.Tests.Tokenizer;

public sealed class ClipTokenizerTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly Dictionary<string, int> vocab;
    private readonly ClipTokenizer tokenizer;

    public ClipTokenizerTests()
    {
        vocab = TinyClipVocab.Write(temp.Path);
        tokenizer = ClipTokenizer.Load(temp.Path);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Words_MergeByRankWithEndOfWordMarker()
    {
        var ids = tokenizer.Encode("hello world").Ids;

        Assert.Equal([vocab["<|startoftext|>"], vocab["hello</w>"], vocab["world</w>"], vocab["<|endoftext|>"]], ids.Take(4));
    }

    [Fact]
    public void PartialWord_StopsWhereNoMergeApplies()
    {
        // "hell" ends in "l</w>", and no merge joins "l" with "l</w>".
        var ids = tokenizer.Encode("hell").Ids;

        Assert.Equal([vocab["he"], vocab["l"], vocab["l</w>"]], ids.Skip(1).Take(3));
    }

    [Fact]
    public void CaseAndWhitespace_AreNormalized()
    {
        Assert.Equal(tokenizer.Encode("hello world").Ids, tokenizer.Encode("  HELLO \n\t World ").Ids);
    }

    [Fact]
    public void DigitsAndPunctuation_SplitAsClipDoes()
    {
        // Digits one by one, a run of punctuation as one piece, "'s" on its own.
        var ids = tokenizer.Encode("a 42!? hello's").Ids;

        Assert.Equal(
            [vocab["a</w>"], vocab["4</w>"], vocab["2</w>"], vocab["!"], vocab["?</w>"], vocab["hello</w>"], vocab["'"], vocab["s</w>"]],
            ids.Skip(1).Take(8));
    }

    [Fact]
    public void NonAscii_IsEncodedByUtf8Bytes()
    {
        var bytes = TinyClipVocab.Utf8("é");
        var ids = tokenizer.Encode("é").Ids;

        Assert.Equal([vocab[TinyClipVocab.ByteChar(bytes[0])], vocab[TinyClipVocab.ByteChar(bytes[1]) + "</w>"]], ids.Skip(1).Take(2));
    }

    [Fact]
    public void HtmlEntities_AreUnescaped()
    {
        Assert.Equal(tokenizer.Encode("hello & world").Ids, tokenizer.Encode("hello &amp; world").Ids);
    }

    [Fact]
    public void Sequence_IsPaddedTo77WithTheEndTokenByDefault()
    {
        var prompt = tokenizer.Encode("hello");

        Assert.Equal(ClipTokenizer.SequenceLength, prompt.Ids.Count);
        Assert.All(prompt.Ids.Skip(2), id => Assert.Equal(vocab["<|endoftext|>"], id));
        Assert.Equal(2, prompt.EndIndex);
        Assert.False(prompt.Truncated);
    }

    [Fact]
    public void FolderPadToken_IsUsedForPadding()
    {
        using var other = new TempFolder();
        var otherVocab = TinyClipVocab.Write(other.Path, padToken: "!");
        var prompt = ClipTokenizer.Load(other.Path).Encode("hello");

        Assert.Equal(otherVocab["<|endoftext|>"], prompt.Ids[2]);
        Assert.All(prompt.Ids.Skip(3), id => Assert.Equal(otherVocab["!"], id));
    }

    [Fact]
    public void EmptyPrompt_IsStartEndAndPadding()
    {
        var prompt = tokenizer.Encode(string.Empty);

        Assert.Equal(vocab["<|startoftext|>"], prompt.Ids[0]);
        Assert.Equal(vocab["<|endoftext|>"], prompt.Ids[1]);
        Assert.Equal(0, prompt.PromptTokens);
    }

    [Fact]
    public void PromptOverTheLimit_ReportsWhatDoesNotFit()
    {
        var words = string.Join(' ', Enumerable.Repeat("a", 74)) + " hello world hello";
        var prompt = tokenizer.Encode(words);

        Assert.True(prompt.Truncated);
        Assert.Equal(77, prompt.PromptTokens);
        Assert.Equal(2, prompt.DroppedTokens);
        Assert.Equal("world hello", prompt.DroppedText);
        Assert.Equal(vocab["hello</w>"], prompt.Ids[75]);
        Assert.Equal(vocab["<|endoftext|>"], prompt.Ids[76]);
    }

    [Fact]
    public void PromptAtTheLimit_FitsExactly()
    {
        var prompt = tokenizer.Encode(string.Join(' ', Enumerable.Repeat("a", ClipTokenizer.ContentLimit)));

        Assert.False(prompt.Truncated);
        Assert.Equal(vocab["<|endoftext|>"], prompt.Ids[76]);
    }

    [Fact]
    public void MissingMerges_NamesTheFile()
    {
        File.Delete(temp.Combine("merges.txt"));

        var error = Assert.Throws<ModelFolderException>(() => ClipTokenizer.Load(temp.Path));
        Assert.EndsWith("merges.txt", error.Path);
    }

    [Fact]
    public void VocabWithoutStartToken_NamesTheToken()
    {
        File.WriteAllText(temp.Combine("vocab.json"), "{\"a</w>\": 0, \"<|endoftext|>\": 1}");

        var error = Assert.Throws<ModelFolderException>(() => ClipTokenizer.Load(temp.Path));
        Assert.Contains("<|startoftext|>", error.Message);
    }
}
