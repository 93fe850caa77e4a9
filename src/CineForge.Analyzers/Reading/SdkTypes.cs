using Microsoft.CodeAnalysis;

namespace CineForge.Analyzers.Reading;

/// <summary>The SDK types the analyzers read, resolved by metadata name; null when the compilation does not reference the SDK.</summary>
internal sealed class SdkTypes
{
    private SdkTypes(Compilation compilation)
    {
        Shot = compilation.GetTypeByMetadataName("CineForge.Shot")!;
        Film = compilation.GetTypeByMetadataName("CineForge.Film")!;
        Character = compilation.GetTypeByMetadataName("CineForge.Character");
        Format = compilation.GetTypeByMetadataName("CineForge.Format");
        ShotExtensions = compilation.GetTypeByMetadataName("CineForge.ShotExtensions");
        FilmExtensions = compilation.GetTypeByMetadataName("CineForge.FilmExtensions");
        CharacterExtensions = compilation.GetTypeByMetadataName("CineForge.CharacterExtensions");
        KeyframeExtensions = compilation.GetTypeByMetadataName("CineForge.KeyframeSettingsExtensions");
        VariantExtensions = compilation.GetTypeByMetadataName("CineForge.VariantChangesExtensions");
        GradeExtensions = compilation.GetTypeByMetadataName("CineForge.GradeChainExtensions");
        SoundExtensions = compilation.GetTypeByMetadataName("CineForge.SoundMixExtensions");
        ExportExtensions = compilation.GetTypeByMetadataName("CineForge.ExportSetExtensions");
        BriefExtensions = compilation.GetTypeByMetadataName("CineForge.BriefExtensions");
        IntentionExtensions = compilation.GetTypeByMetadataName("CineForge.IntentionExtensions");
        CharterExtensions = compilation.GetTypeByMetadataName("CineForge.CharterExtensions");
        Random = compilation.GetTypeByMetadataName("System.Random");
    }

    public INamedTypeSymbol Shot { get; }

    public INamedTypeSymbol Film { get; }

    public INamedTypeSymbol? Character { get; }

    public INamedTypeSymbol? Format { get; }

    public INamedTypeSymbol? ShotExtensions { get; }

    public INamedTypeSymbol? FilmExtensions { get; }

    public INamedTypeSymbol? CharacterExtensions { get; }

    public INamedTypeSymbol? KeyframeExtensions { get; }

    public INamedTypeSymbol? VariantExtensions { get; }

    public INamedTypeSymbol? GradeExtensions { get; }

    public INamedTypeSymbol? SoundExtensions { get; }

    public INamedTypeSymbol? ExportExtensions { get; }

    public INamedTypeSymbol? BriefExtensions { get; }

    public INamedTypeSymbol? IntentionExtensions { get; }

    public INamedTypeSymbol? CharterExtensions { get; }

    public INamedTypeSymbol? Random { get; }

    public static SdkTypes? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName("CineForge.Shot") is null || compilation.GetTypeByMetadataName("CineForge.Film") is null
            ? null
            : new SdkTypes(compilation);

    public static bool Is(ISymbol? symbol, INamedTypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(symbol, type);
}
