namespace EventHub.Core.Bookings;

/// <summary>What a visitor (or an organiser adding someone by hand) types into the booking form.</summary>
public sealed class BookingForm
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string Organisation { get; set; } = string.Empty;

    public string JobTitle { get; set; } = string.Empty;

    public int? TicketTypeId { get; set; }

    /// <summary>The secret from a hidden ticket type's link, if the visitor came through one.</summary>
    public string? TicketSecret { get; set; }

    /// <summary>The token from a priority booking link, if the visitor came through one: lets them book early.</summary>
    public string? PriorityToken { get; set; }

    /// <summary>Answers by question id; multiple choices one per line.</summary>
    public Dictionary<int, string> Answers { get; set; } = [];

    public string DietaryNeeds { get; set; } = string.Empty;

    public string AccessNeeds { get; set; } = string.Empty;

    public List<int> SessionIds { get; set; } = [];

    public bool PrivacyConsent { get; set; }
}
