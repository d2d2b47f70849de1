namespace Genrify.Cli;

/// <summary>
/// The text a user sees for an exception: its message on one line, without the parameter name .NET appends to
/// argument errors, and never a type name or a stack trace.
/// </summary>
public static class UserMessages
{
    /// <summary>
    /// The message of <paramref name="exception"/> (of its only inner exception when it merely wraps one), cut to its
    /// first line, with an argument error's " (Parameter 'name')" removed.
    /// </summary>
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) return Of(aggregate.InnerExceptions[0]);
        if (exception is System.Reflection.TargetInvocationException { InnerException: { } inner }) return Of(inner);
        string message = exception.Message;
        // ArgumentException.Message is "text (Parameter 'path')", and ArgumentOutOfRangeException adds "Actual value
        // was ..." on a line of its own: names from the code, not words for the person at the terminal.
        if (exception is ArgumentException { ParamName: { Length: > 0 } name })
        {
            int at = message.IndexOf($" (Parameter '{name}')", StringComparison.Ordinal);
            if (at >= 0) message = message[..at];
        }
        int newline = message.IndexOfAny(['\r', '\n']);
        if (newline >= 0) message = message[..newline];
        message = message.Trim();
        return message.Length > 0 ? message : "unexpected error";
    }
}
