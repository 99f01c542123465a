package dev.fieldtest.core.run;

import dev.fieldtest.core.ScoredCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * results.jsonl, the run's source of truth: append-only, one whole line per call, forced to disk after
 * {@code fsyncEveryRows} rows or {@code fsyncEveryNanos}, whichever comes first, and on close. Thread-safe. A stream,
 * not a FileChannel: a channel closes for good when a writing thread is interrupted, and an abort interrupts calls.
 */
public final class ResultsLog implements AutoCloseable {
    private final FileOutputStream out;
    private final int fsyncEveryRows;
    private final long fsyncEveryNanos;
    private int unsynced;
    private long lastSync = System.nanoTime();

    public ResultsLog(Path file, int fsyncEveryRows, java.time.Duration fsyncEvery) throws IOException {
        this.out = new FileOutputStream(file.toFile(), true);
        this.fsyncEveryRows = fsyncEveryRows;
        this.fsyncEveryNanos = fsyncEvery.toNanos();
    }

    public synchronized void append(ScoredCall call) throws IOException {
        out.write((ResultsCodec.encode(call) + "\n").getBytes(StandardCharsets.UTF_8));
        unsynced++;
        if (unsynced >= fsyncEveryRows || System.nanoTime() - lastSync >= fsyncEveryNanos) sync();
    }

    public synchronized void sync() throws IOException {
        if (unsynced == 0) return;
        out.getFD().sync();
        unsynced = 0;
        lastSync = System.nanoTime();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            sync();
        } finally {
            out.close();
        }
    }

    /**
     * Every complete row of a results file, in order. A torn last line (the process died mid-write) is
     * skipped, since its call was never acknowledged; a bad line elsewhere is an error naming its line.
     */
    public static void read(Path file, Consumer<ScoredCall> sink) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                sink.accept(ResultsCodec.decode(line));
            } catch (IllegalArgumentException e) {
                if (i == lines.size() - 1) return;
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    public static List<ScoredCall> readAll(Path file) {
        List<ScoredCall> out = new ArrayList<>();
        read(file, out::add);
        return out;
    }
}
