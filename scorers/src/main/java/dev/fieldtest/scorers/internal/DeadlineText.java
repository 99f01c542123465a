package dev.fieldtest.scorers.internal;

/**
 * A text that a regex may read only until a deadline: a pattern that backtracks badly on some output
 * (such as {@code (a+)+$} on a long run of a's) would otherwise hold a worker thread for hours. Reading
 * past the deadline throws {@link Expired}. Internal, not API. Not thread-safe; one per match.
 */
final class DeadlineText implements CharSequence {
    /** Thrown from {@link #charAt} once the deadline has passed. */
    static final class Expired extends RuntimeException {
        Expired() {
            super("regex deadline passed", null, false, false);
        }
    }

    private final CharSequence text;
    private final long deadlineNanos;
    private int reads;

    DeadlineText(CharSequence text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        // Reading the clock on every char would slow ordinary matches; every 4096th read is enough.
        if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadlineNanos > 0) throw new Expired();
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineText(text.subSequence(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
