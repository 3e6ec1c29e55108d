namespace EventHub.Core.Organisers;

/// <summary>How first-run setup is protected. Outside Development a code is required (see <see cref="FirstRunSetup"/>).</summary>
public sealed class FirstRunOptions
{
    /// <summary>Whether <c>/setup</c> asks for the setup code. Only Development turns it off.</summary>
    public bool RequireCode { get; set; } = true;

    /// <summary>The code from configuration (<c>EventHub:SetupCode</c>); when empty, one is made at start-up and logged.</summary>
    public string? Code { get; set; }
}
