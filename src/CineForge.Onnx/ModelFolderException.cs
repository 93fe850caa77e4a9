namespace CineForge.Onnx;

/// <summary>A model folder is missing a file or holds one that does not fit; the message names the file and what was expected.</summary>
public sealed class ModelFolderException : Exception
{
    /// <summary>Reports <paramref name="problem"/> with <paramref name="path"/>.</summary>
    public ModelFolderException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file or folder at fault.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
