using EventHub.Core.Common;

namespace EventHub.Core.Events;

/// <summary>The refusals of the Events feature (events, rooms, sessions, series): stable codes and the words people see.</summary>
public static class EventErrors
{
    public static readonly Refusal EventGone = Refusal.NotFound(ErrorCodes.NotFound, "That event no longer exists.");

    public static readonly Refusal RoomGone = Refusal.NotFound(ErrorCodes.NotFound, "That room no longer exists.");

    public static readonly Refusal SessionGone = Refusal.NotFound(ErrorCodes.NotFound, "That session no longer exists.");

    public static readonly Refusal SeriesGone = Refusal.NotFound(ErrorCodes.NotFound, "That series no longer exists.");

    public static readonly Refusal RoleDoesNotAllow = Refusal.Forbidden(ErrorCodes.Forbidden,
        "Your role on this event's team does not let you do that. Ask the event's owner if you need it.");

    public static readonly Refusal TeamMemberGone = Refusal.NotFound("team_member_gone", "That person is no longer on this team.");

    public static readonly Refusal NoOrganiserWithEmail = new(
        "team_no_such_organiser", "There is no organiser with that email address. An administrator can add them on the Organisers page");

    public static readonly Refusal AlreadyOnTeam = new("team_already_member", "That organiser is already on this team. Change their role in the list instead");

    public static readonly Refusal LastOwner = new(
        "team_last_owner", "This is the last owner of the event. Make someone else an owner first, or ask an administrator.");

    public static readonly Refusal RoomInUse = Refusal.Conflict(ErrorCodes.Conflict, "Sessions are still in this room. Move or delete them first.");

    /// <summary>A field error: another event has the web address.</summary>
    public static readonly Refusal SlugTaken = new("event_slug_taken", "Another event already uses this web address. Choose a different one");

    /// <summary>A field error: another series has the web address.</summary>
    public static readonly Refusal SeriesSlugTaken = new("series_slug_taken", "Another series already uses this web address. Choose a different one");

    /// <summary>A field error: the series chosen for the event was deleted meanwhile.</summary>
    public static readonly Refusal ChosenSeriesGone = new("event_series_gone", "That series no longer exists. Choose another or none");

    /// <summary>A field error: the organiser may not add editions to the series they chose.</summary>
    public static readonly Refusal SeriesNotYours = Refusal.Forbidden("event_series_not_yours",
        "You are not an owner or editor of that series. Choose another or none");

    /// <summary>A field error: the room chosen for the session was deleted meanwhile.</summary>
    public static readonly Refusal ChosenRoomGone = new("session_room_gone", "That room no longer exists. Choose another");

    /// <summary>A field error: room names are unique within an event.</summary>
    public static readonly Refusal RoomNameTaken = new("room_name_taken", "This event already has a room with that name");

    /// <summary>A field error: copying an event as a new edition needs the new edition's date.</summary>
    public static readonly Refusal CopyDateMissing = new("edition_date_missing", "Enter the date of the new edition");

    /// <summary>A field error: a new edition is for a day still to come.</summary>
    public static readonly Refusal CopyDateNotInFuture = new("edition_date_not_in_future", "The new edition's date must be in the future");

    /// <summary>Publishing an event whose details no longer pass the rules; <paramref name="firstError"/> says which.</summary>
    public static Refusal FixBeforePublishing(string firstError) =>
        Refusal.Conflict(ErrorCodes.Conflict, "Fix the event's details before publishing: " + firstError);
}
