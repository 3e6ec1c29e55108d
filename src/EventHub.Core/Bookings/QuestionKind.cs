namespace EventHub.Core.Bookings;

public enum QuestionKind
{
    ShortText = 0,
    LongText = 1,
    SingleChoice = 2,
    MultipleChoice = 3,
    YesNo = 4,
}
