namespace EventHub.Core.Proceedings;

/// <summary>The licence an organiser publishes an event's record under (stored by number: keep the numbers).</summary>
public enum ProceedingsLicence
{
    CcBy4 = 0,
    CcBySa4 = 1,
    Cc0 = 2,
    Ogl3 = 3,
    AllRightsReserved = 4,
}

/// <summary>A licence's short name, where to read it, and the sentence shown on the proceedings and in each export.</summary>
public sealed record LicenceTerms(ProceedingsLicence Licence, string Name, string? Url, string Statement)
{
    public static readonly IReadOnlyList<LicenceTerms> All =
    [
        new(ProceedingsLicence.CcBy4, "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/",
            "Shared under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may copy and adapt it if you credit the source."),
        new(ProceedingsLicence.CcBySa4, "CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/",
            "Shared under the Creative Commons Attribution-ShareAlike 4.0 International licence (CC BY-SA 4.0): you may copy and adapt it if you credit the source and share what you make under the same licence."),
        new(ProceedingsLicence.Cc0, "CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
            "Dedicated to the public domain under CC0 1.0: you may copy and adapt it without asking or crediting anyone."),
        new(ProceedingsLicence.Ogl3, "OGL v3.0", "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            "Shared under the Open Government Licence v3.0: you may copy and adapt it if you acknowledge the source."),
        new(ProceedingsLicence.AllRightsReserved, "All rights reserved", null,
            "All rights reserved: ask the organisers before you reuse any of it."),
    ];

    public static LicenceTerms For(ProceedingsLicence licence) => All.FirstOrDefault(l => l.Licence == licence) ?? All[0];
}
