package dev.fieldtest.serve;

import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Reads the run history for one request at a time: opens the DuckDB file, reads, closes. DuckDB lets one process
 * hold the file, so holding it between requests would stop {@code fieldtest run} from recording; opening per request
 * costs a few milliseconds and leaves the file free in between. One lock, because two connections of this process
 * to the same file would conflict with each other. A missing file is an error here, never created.
 */
final class HistoryReader {
    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();

    HistoryReader(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} on a freshly opened history; throws {@link HistoryException} (message fit for the user) when it cannot be opened. */
    <T> T read(Function<RunHistory, T> work) {
        lock.lock();
        try {
            if (!Files.isRegularFile(file)) {
                throw new HistoryException(file + ": no run history here; fieldtest run and fieldtest load record into it "
                        + "(or fieldtest history --record DIR), or pass --history FILE");
            }
            try (RunHistory h = RunHistory.open(file)) {
                return work.apply(h);
            }
        } finally {
            lock.unlock();
        }
    }
}
