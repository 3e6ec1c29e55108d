using MudBlazor;

namespace EventHub.Web.Components.Layout;

/// <summary>High-contrast colours (WCAG AA on white) and system fonts: nothing is loaded from other hosts.</summary>
public static class EventHubTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4f91",
            Secondary = "#4c2c92",
            Success = "#00703c",
            Error = "#b10e1e",
            Warning = "#8a4b00",
            Info = "#1d4f91",
            AppbarBackground = "#0b0c0c",
            TextPrimary = "#0b0c0c",
            TextSecondary = "#484949",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
