package dev.fieldtest.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a server-sent-event stream into its events, each returned as the exact bytes received (lines and the
 * blank line that ends it), so an event passed on is byte-for-byte what the upstream sent. Not thread-safe.
 */
final class SseEvents {
    private final InputStream in;

    SseEvents(InputStream in) {
        this.in = in;
    }

    /** The next event's bytes, the trailing bytes of an unfinished one at the end, or null when nothing is left. */
    byte[] next() throws IOException {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            line.write(c);
            if (c != '\n') continue;
            int length = line.size();
            boolean blank = length == 1 || (length == 2 && line.toByteArray()[0] == '\r');
            line.writeTo(event);
            line.reset();
            // a blank line ends an event; blank lines before any content stay with the next event
            if (blank && event.size() > length) return event.toByteArray();
        }
        line.writeTo(event);
        return event.size() == 0 ? null : event.toByteArray();
    }
}
