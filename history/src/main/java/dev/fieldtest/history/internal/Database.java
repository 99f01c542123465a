package dev.fieldtest.history.internal;

import dev.fieldtest.history.HistoryException;
import dev.fieldtest.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Opens a store's connection. DuckDB lets one process at a time hold a database file open for writing, so when another
 * fieldtest is recording (which takes well under a second) we wait a little for its lock before giving up. PostgreSQL
 * takes many connections at once.
 */
final class Database {
    static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration RETRY_EVERY = Duration.ofMillis(100);

    private Database() {}

    static Connection open(HistoryStore store) {
        return switch (store) {
            case HistoryStore.DuckDbFile f -> open(f.file());
            case HistoryStore.Postgres p -> open(p);
        };
    }

    private static Connection open(HistoryStore.Postgres p) {
        java.util.Properties props = p.credentials();
        props.setProperty("ApplicationName", "fieldtest");
        props.setProperty("reWriteBatchedInserts", "true"); // a batch of INSERTs travels as multi-row INSERTs
        props.setProperty("connectTimeout", String.valueOf(LOCK_WAIT.toSeconds()));
        try {
            return new org.postgresql.Driver().connect(p.jdbcUrl(), props);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String fix = state.startsWith("28") ? "check the user, and the password in " + HistoryStore.PASSWORD_ENV + " or PGPASSWORD"
                    : state.equals("3D000") ? "create the database first (createdb), or name an existing one"
                    : "check that the server is running and the host and port are right";
            throw new HistoryException(p.display() + ": cannot connect to the PostgreSQL history database (" + e.getMessage() + "); " + fix, e);
        }
    }

    private static Connection open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new HistoryException("cannot create the directory for the history database " + file + ": " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
            } catch (SQLException e) {
                String m = String.valueOf(e.getMessage());
                boolean locked = m.contains("Could not set lock") || m.contains("Conflicting lock");
                if (!locked) throw new HistoryException(file + ": cannot open the history database (" + m
                        + "); pass another --history file, or move this one aside", e);
                if (System.nanoTime() > deadline) throw new HistoryException(file + ": another process has held the history database open for "
                        + LOCK_WAIT.toSeconds() + " s (" + m + "); try again when it has finished, or pass another --history file", e);
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HistoryException("interrupted while waiting for the history database lock", e);
        }
    }
}
