namespace EventHub.Core.Common;

/// <summary>Moving one item of an organiser's ordered list (questions, ticket types, feedback questions) one place up or down.</summary>
public static class ListOrder
{
    /// <summary>
    /// Swaps <c>items[index]</c> with its neighbour above (<paramref name="up"/>) or below and renumbers the whole list
    /// from <paramref name="first"/> through <paramref name="number"/>. Returns the moved item's new index, or null
    /// (and changes nothing) when it is already at that end.
    /// </summary>
    public static int? Swap<T>(List<T> items, int index, bool up, Action<T, int> number, int first = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(number);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, items.Count);
        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= items.Count)
        {
            return null;
        }

        (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            number(items[i], first + i);
        }

        return other;
    }
}
