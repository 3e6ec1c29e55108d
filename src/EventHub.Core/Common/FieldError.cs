namespace EventHub.Core.Common;

/// <summary>A problem with one input field, worded for the person who typed it.</summary>
public sealed record FieldError(string Field, string Message);
