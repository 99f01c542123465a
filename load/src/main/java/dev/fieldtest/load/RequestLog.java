package dev.fieldtest.load;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * requests.jsonl of a load run: one whole line per completed request. {@link #append} only queues the line, so a
 * sender never waits for the disk or for another sender; one writer thread owns the file, appends whatever is
 * queued every {@link #WRITE_EVERY_NANOS} in one write, and forces it to disk every {@code syncEvery} and on close.
 * A process killed outright loses at most the rows of the last few milliseconds; {@link #close} returns only when
 * every row is on disk, and nothing is summarised before that. Thread-safe.
 */
final class RequestLog implements AutoCloseable {
    /** How long queued rows wait for the writer at most, ns. */
    static final long WRITE_EVERY_NANOS = 5_000_000;
    private final FileOutputStream file;
    private final ConcurrentLinkedQueue<String> queued = new ConcurrentLinkedQueue<>();
    private final long syncEveryNanos;
    private final Thread writer;
    private volatile boolean closing;
    private volatile IOException failure;

    RequestLog(Path file, Duration syncEvery) throws IOException {
        if (Files.exists(file)) throw new java.nio.file.FileAlreadyExistsException(file.toString());
        this.file = new FileOutputStream(file.toFile(), true);
        this.syncEveryNanos = syncEvery.toNanos();
        this.writer = Thread.ofPlatform().daemon().name("fieldtest-requests-writer").start(this::writeUntilClosed);
    }

    /** Queues one line (without its newline); a failed write or sync before it is an {@link UncheckedIOException}. */
    void append(String json) {
        IOException f = failure;
        if (f != null) throw new UncheckedIOException("cannot write requests.jsonl: " + f.getMessage(), f);
        queued.add(json);
    }

    private void writeUntilClosed() {
        long lastSync = System.nanoTime();
        ByteArrayOutputStream batch = new ByteArrayOutputStream(64 * 1024);
        try {
            while (!closing) {
                LockSupport.parkNanos(WRITE_EVERY_NANOS);
                writeQueued(batch);
                if (System.nanoTime() - lastSync >= syncEveryNanos) {
                    file.getFD().sync();
                    lastSync = System.nanoTime();
                }
            }
            writeQueued(batch); // what was queued before close()
        } catch (IOException e) {
            failure = e;
        }
    }

    private void writeQueued(ByteArrayOutputStream batch) throws IOException {
        batch.reset();
        for (String row; (row = queued.poll()) != null; ) {
            batch.write(row.getBytes(StandardCharsets.UTF_8));
            batch.write('\n');
        }
        if (batch.size() > 0) batch.writeTo(file);
    }

    /** Writes every queued row, forces the file to disk and closes it; a write that failed on the way is thrown here. */
    @Override
    public void close() throws IOException {
        closing = true;
        LockSupport.unpark(writer);
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true; // the rows must reach the disk first; the interrupt is kept for the caller
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        try (file) {
            if (failure != null) throw failure;
            file.getFD().sync();
        }
    }
}
