namespace EventHub.Core.CheckIn;

/// <summary>A door link just created or reissued, with its token: the only time the token is known, so show it now.</summary>
public sealed record IssuedDoorLink(DoorLink Link, string Token)
{
    public int Id => Link.Id;

    /// <summary>The address to hand the volunteer, relative to the site.</summary>
    public string Path => $"/door/{Token}";
}
