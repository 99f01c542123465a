package dev.fieldtest.llama.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Drains a child's stderr on a daemon thread, keeping its last lines for error messages. Draining matters in
 * itself: llama.cpp logs every request, and a child blocked on a full stderr pipe would look hung. Thread-safe.
 */
final class StderrTail {
    private static final int KEEP_LINES = 40;
    private static final int MAX_LINE = 300;
    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    private StderrTail(InputStream stderr, String threadName) {
        reader = Thread.ofPlatform().daemon().name(threadName).start(() -> drain(stderr));
    }

    static StderrTail drain(InputStream stderr, String threadName) {
        return new StderrTail(stderr, threadName);
    }

    private void drain(InputStream stderr) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                synchronized (lines) {
                    if (lines.size() == KEEP_LINES) lines.removeFirst();
                    lines.addLast(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "…" : line);
                }
            }
        } catch (IOException e) {
            // the pipe broke because the child is gone; what was read so far is the tail
        }
    }

    /** Waits up to {@code millis} for the child's stderr to end, so a dying child's last words are in the tail. */
    void awaitEnd(long millis) throws InterruptedException {
        reader.join(millis);
    }

    /** The last {@code n} lines, oldest first, joined by line breaks; empty when the child wrote nothing. */
    String last(int n) {
        synchronized (lines) {
            return String.join("\n", lines.stream().skip(Math.max(0, lines.size() - n)).toList());
        }
    }
}
