package dev.fieldtest.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * requests.jsonl of a load run: one whole line per completed request, appended with one write each (so a killed
 * process loses nothing the kernel has), forced to disk by a background thread every {@code syncEvery} and on close.
 * The force runs off the senders' path so a slow disk cannot delay a measured request. Thread-safe; a lock rather
 * than a monitor, so a virtual thread waiting to append never pins its carrier. A stream, not a FileChannel: a
 * channel closes for good when a writing thread is interrupted, and the step's drain interrupts late calls.
 */
final class RequestLog implements AutoCloseable {
    private final FileOutputStream file;
    private final ReentrantLock lock = new ReentrantLock();
    private final Thread syncer;
    private volatile IOException syncFailure;
    private long rows;

    RequestLog(Path file, Duration syncEvery) throws IOException {
        if (Files.exists(file)) throw new java.nio.file.FileAlreadyExistsException(file.toString());
        this.file = new FileOutputStream(file.toFile(), true);
        this.syncer = Thread.ofPlatform().daemon().name("fieldtest-requests-sync").start(() -> syncEvery(syncEvery));
    }

    /** Appends one line; a failed write (disk full, say) is an {@link UncheckedIOException}, and so is a failed sync before it. */
    void append(String json) {
        if (syncFailure != null) throw new UncheckedIOException("cannot force requests.jsonl to disk", syncFailure);
        byte[] line = (json + "\n").getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            file.write(line);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to requests.jsonl: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    long rows() {
        lock.lock();
        try {
            return rows;
        } finally {
            lock.unlock();
        }
    }

    private void syncEvery(Duration every) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(every);
                file.getFD().sync();
            }
        } catch (InterruptedException e) {
            // closing
        } catch (IOException e) {
            syncFailure = e;
        }
    }

    @Override
    public void close() throws IOException {
        syncer.interrupt();
        try {
            syncer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        file.getFD().sync();
        file.close();
    }
}
