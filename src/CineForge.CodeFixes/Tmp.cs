namespace CineForge.CodeFixes;

internal static class Placeholder
{
}
