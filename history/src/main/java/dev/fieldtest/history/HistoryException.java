package dev.fieldtest.history;

/**
 * Why the history could not be opened, read or written: the message names the file or run directory, says what
 * is wrong and how to fix it, and is fit to print to a user as it is.
 */
public final class HistoryException extends RuntimeException {
    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
