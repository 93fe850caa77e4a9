using System.Globalization;

namespace CineForge.Onnx.Models;

/// <summary>The plain-text form of a <see cref="ModelFolderReport"/>, one line per entry, for <c>cineforge models check</c>.</summary>
public static class ModelFolderReportText
{
    /// <summary>"SD 1.x/2.x" or "SDXL".</summary>
    public static string Describe(ModelArchitecture architecture) => architecture switch
    {
        ModelArchitecture.StableDiffusionXL => "SDXL (two text encoders, pooled embeddings, time ids)",
        _ => "SD 1.x/2.x (one text encoder)",
    };

    /// <summary>The report's lines: folder, architecture, precision, components with their ports, files with hashes, notes, problems, verdict.</summary>
    public static IReadOnlyList<string> Lines(ModelFolderReport report)
    {
        var lines = new List<string>
        {
            $"Model folder: {report.Root}",
            $"Architecture: {(report.Architecture is { } a ? Describe(a) : "unknown")}",
            $"Precision: {report.Precision switch { ModelPrecision.Float16 => "float16", ModelPrecision.Float32 => "float32", _ => "unknown" }}",
        };

        if (report.Components.Count > 0)
        {
            lines.Add("Components:");
            foreach (var component in report.Components)
            {
                lines.Add($"  {component.Name}: {Path.GetRelativePath(report.Root, component.ModelPath).Replace('\\', '/')}");
                lines.AddRange(component.Header.Inputs.Select(i => $"    in  {i}"));
                lines.AddRange(component.Header.Outputs.Select(o => $"    out {o}"));
            }
        }

        if (report.Files.Count > 0)
        {
            lines.Add("Files:");
            lines.AddRange(report.Files.Select(f => $"  {f.Sha256 ?? "(not hashed)",-64}  {f.Bytes.ToString("N0", CultureInfo.InvariantCulture),15} B  {f.RelativePath}"));
        }

        lines.AddRange(report.Notes.Select(n => $"Note: {n}"));
        lines.AddRange(report.Problems.Select(p => $"Error: {p}"));
        lines.Add(report.IsValid ? "OK: the folder can be loaded." : $"{report.Problems.Count} problem{(report.Problems.Count == 1 ? string.Empty : "s")}: the folder cannot be loaded.");
        return lines;
    }
}
