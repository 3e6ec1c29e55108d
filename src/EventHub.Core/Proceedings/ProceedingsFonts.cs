using PdfSharp.Fonts;

namespace EventHub.Core.Proceedings;

/// <summary>
/// The PDF book's only font, DejaVu Sans (regular and bold), read from this assembly: the PDF looks the same on every
/// server, with no system fonts installed. PDFsharp asks for fonts once per process through this resolver.
/// </summary>
internal sealed class ProceedingsFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();

    /// <summary>Installs the resolver unless one is installed already (the setting is global to the process).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            GlobalFontSettings.FontResolver ??= new ProceedingsFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(ProceedingsFonts).Assembly.GetManifestResourceStream($"EventHub.Core.Proceedings.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
