package dev.fieldtest.serve;

import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import dev.fieldtest.history.RunHistory;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Reads the run history for one request at a time. A DuckDB file is opened, read and closed per request: one process
 * may hold the file, so holding it between requests would stop {@code fieldtest run} from recording (opening costs a
 * few milliseconds); a missing file is an error here, never created. A shared store (PostgreSQL) admits many
 * processes, so it is opened on first use and held until {@link #close()}; a request that finds the connection broken
 * fails, and the next one reconnects. One lock: a history has one connection, used by one request at a time.
 */
final class HistoryReader implements AutoCloseable {
    private final HistoryStore store;
    private final ReentrantLock lock = new ReentrantLock();
    private RunHistory held; // a shared store's open history, guarded by lock

    HistoryReader(HistoryStore store) {
        this.store = store;
    }

    HistoryStore store() {
        return store;
    }

    /** Runs {@code work} on the history; throws {@link HistoryException} (message fit for the user) when it cannot be opened or read. */
    <T> T read(Function<RunHistory, T> work) {
        lock.lock();
        try {
            return switch (store) {
                case HistoryStore.DuckDbFile f -> perRequest(f, work);
                case HistoryStore.Postgres p -> onHeld(work);
            };
        } finally {
            lock.unlock();
        }
    }

    private <T> T perRequest(HistoryStore.DuckDbFile f, Function<RunHistory, T> work) {
        if (!Files.isRegularFile(f.file())) {
            throw new HistoryException(f.file() + ": no run history here; fieldtest run and fieldtest load record into it "
                    + "(or fieldtest history --record DIR), or pass --history FILE|URL");
        }
        try (RunHistory h = RunHistory.open(f)) {
            return work.apply(h);
        }
    }

    private <T> T onHeld(Function<RunHistory, T> work) {
        if (held == null) held = RunHistory.open(store);
        try {
            return work.apply(held);
        } catch (HistoryException e) {
            if (connectionLost(e)) drop();
            throw e;
        }
    }

    /** SQLSTATE class 08 (connection exception) or 57P (server shut down or the backend terminated): reconnecting may help. */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private void drop() {
        try {
            held.close();
        } catch (HistoryException ignored) {
            // Closing a broken connection may fail too; it is discarded either way.
        }
        held = null;
    }

    /** Releases a held shared store; a DuckDB file is never held between requests. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (held != null) drop();
        } finally {
            lock.unlock();
        }
    }
}
